package org.rebound.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class NameModelTest {

    private final TextDetector withModel = new TextDetector();
    private final TextDetector rulesAlone = new TextDetector(null);

    private static List<String> names(TextDetector detector, String text) {
        return detector.find(text).stream().filter(finding -> finding.category() == Category.NAME).map(Finding::value).toList();
    }

    @Test
    void findsNamesWithoutACueThatTheGazetteerDoesNotKnowOrThatSpeakInAChat() {
        String quote = "\"We will restore the line by Friday,\" says Hartvigsson.";
        String chat = "Siobhan: Can you resend the invoice?\nMarek: Sent it this morning.";

        assertThat(names(rulesAlone, quote)).isEmpty();
        assertThat(names(withModel, quote)).containsExactly("Hartvigsson");
        assertThat(names(rulesAlone, chat)).isEmpty();
        assertThat(names(withModel, chat)).containsExactly("Siobhan", "Marek");
    }

    @Test
    void aWordOfANameFoundOnceIsANameWhereverElseItStandsInTheText() {
        String text = "My name is Aantje Mourik but everyone calls me Aantje. Mourik is my mother's name.";

        assertThat(rulesAlone.find(text)).filteredOn(finding -> finding.category() == Category.NAME)
                .extracting(Finding::value, Finding::start)
                .containsExactly(tuple("Aantje Mourik", 11), tuple("Aantje", 47), tuple("Mourik", 55));
    }

    @Test
    void greetingsIAmAndPossessivesAreNotPartOfTheName() {
        assertThat(names(rulesAlone, "Hi Freddy, the wire transfer to your account failed.")).containsExactly("Freddy");
        assertThat(names(withModel, "I'm Naomi Ryan, originally from Leeds, and I run the night shift.")).containsExactly("Naomi Ryan");
        assertThat(names(withModel, "Midlands Freight's Peter Walsh called about the unpaid invoice.")).containsExactly("Peter Walsh");
    }

    @Test
    void aPossessiveEndsTheName() {
        assertThat(names(rulesAlone, "Bryan Maclean's laptop was reimaged on Monday.")).containsExactly("Bryan Maclean");
    }

    @Test
    void inAListOfMostlyKnownNamesTheOthersAreNamesToo() {
        String attendees = "On the bridge call: Efimiya, Mary, Ariana and Jodi.";

        assertThat(names(rulesAlone, attendees)).containsExactly("Efimiya", "Mary", "Ariana", "Jodi");
    }

    @Test
    void countriesAndFirmsAreNotPeople() {
        assertThat(names(withModel, "We moved the spare parts here from Poland in March.")).isEmpty();
        assertThat(names(withModel, "Nera Economic Consulting confirmed the shipment to Halewood.")).isEmpty();
    }

    @Test
    void findsALowerCaseNameInAnInformalMessage() {
        String message = "i have lost my card. could you please block it asap? my name is lena andersson.";

        assertThat(names(withModel, message)).containsExactly("lena andersson");
    }

    @Test
    void findsNoOneInNotesLogLinesAndPlaces() {
        assertThat(names(withModel, "Prefers contact by phone, call 555-0100")).isEmpty();
        assertThat(names(withModel, "ERROR 2025-09-01 12:00:01 Connection refused from 10.0.0.7")).isEmpty();
        assertThat(names(withModel, "The Birmingham plant restarted line 3 after the outage.")).isEmpty();
        assertThat(names(withModel, "2025-09-01 12:00:01 INFO sshd[1234]: Accepted password for svc_backup from 10.2.3.4 port 52211")).isEmpty();
        assertThat(names(withModel, "WARN Backup job Nightly-SAP failed on host vmware-primary: timeout after 3600 s")).isEmpty();
        assertThat(names(withModel, "login ok user=jdoe from workstation hq-pc-114")).isEmpty();
    }

    @Test
    void aNameOnTheSecondLineIsPlacedInTheWholeText() {
        String text = "Claim 88213 reopened.\nAgreed with Agnieszka Wróblewska on the phone.";

        assertThat(withModel.find(text)).filteredOn(finding -> finding.category() == Category.NAME)
                .singleElement()
                .satisfies(finding -> assertThat(text.substring(finding.start(), finding.end())).isEqualTo("Agnieszka Wróblewska"));
    }

    @Test
    void aSpanTheModelMarksOverAnOrdinaryLowerCaseWordIsTwoNames() throws Exception {
        String text = "Handover: Wiremu to Tamatea at 06:00.";
        int start = text.indexOf("Wiremu");
        int end = text.indexOf(" at");
        // a model taught to join two names over "to", as a model sometimes does on sentence forms it has not seen
        NameModelTraining.Labelled joined = new NameModelTraining.Labelled(text, 0, List.of(new int[] {start, end}));
        TextDetector detector = new TextDetector(new NameModel(NameModelTraining.train(java.util.Collections.nCopies(20, joined)),
                Gazetteer.instance()));

        assertThat(names(detector, text)).containsExactly("Wiremu", "Tamatea");
    }

    @Test
    void trainingSamplesMarkTheTokensOfEachPersonLineByLine() {
        String text = "Dear Ms. O'Neill,\nyour claim was passed to Rhys Evans today.";
        int oneill = text.indexOf("O'Neill");
        int rhys = text.indexOf("Rhys Evans");

        List<NameSample> samples = NameModel.samples(text,
                List.of(new int[] {oneill, oneill + "O'Neill".length()}, new int[] {rhys, rhys + "Rhys Evans".length()}),
                Gazetteer.instance());

        assertThat(samples).hasSize(2);
        assertThat(samples.get(0).getSentence()).containsExactly("Dear", "Ms", ".", "O", "'", "Neill", ",");
        assertThat(samples.get(0).getNames()).containsExactly(new Span(3, 6, "person"));
        assertThat(samples.get(0).isClearAdaptiveDataSet()).isTrue();
        assertThat(samples.get(1).getNames()).containsExactly(new Span(5, 7, "person"));
        assertThat(samples.get(1).isClearAdaptiveDataSet()).isFalse();
    }
}
