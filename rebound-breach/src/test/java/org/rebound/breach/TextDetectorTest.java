package org.rebound.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextDetectorTest {

    private final TextDetector detector = new TextDetector();

    private List<Finding> find(String text) {
        return detector.find(text);
    }

    @Test
    void findsTheIdentifiersInACallCentreNote() {
        String note = "Customer Mrs. Sarah Whitfield (sarah.whitfield@example.co.uk, 07700 900123) called about card "
                + "4929 1234 5678 9012? no: 4539 1488 0343 6467; refund to GB82 WEST 1234 5698 7654 32. NI number JG 10 37 59 A.";
        assertThat(find(note)).extracting(Finding::category, Finding::value).contains(
                tuple(Category.NAME, "Sarah Whitfield"),
                tuple(Category.EMAIL, "sarah.whitfield@example.co.uk"),
                tuple(Category.PHONE, "07700 900123"),
                tuple(Category.PAYMENT_CARD, "4539 1488 0343 6467"),
                tuple(Category.IBAN, "GB82 WEST 1234 5698 7654 32"),
                tuple(Category.NATIONAL_ID, "JG 10 37 59 A"));
    }

    @Test
    void aJobTitleWrittenBeforeANameIsNotPartOfIt() {
        assertThat(find("Technician Joanna Kowalczyk restored the line controller on Friday.")).extracting(Finding::category, Finding::value)
                .containsExactly(tuple(Category.NAME, "Joanna Kowalczyk"));
        assertThat(find("Contractor Halvard Lindqvist signed the forensic report.")).extracting(Finding::value)
                .containsExactly("Halvard Lindqvist");
        assertThat(find("Yesterday Mark Evans approved the restart.")).extracting(Finding::value)
                .as("a word that is also somebody's name stays").containsExactly("Mark Evans");
    }

    @Test
    void theRulesNameAGreetedWordAMaidenNameAndTheOtherOfAPairOfNames() {
        TextDetector rules = new TextDetector(null);
        assertThat(rules.find("Hi Tafadzwa, the parts arrived.")).extracting(Finding::value).containsExactly("Tafadzwa");
        assertThat(rules.find("Dear Tafadzwa")).extracting(Finding::value).containsExactly("Tafadzwa");
        assertThat(rules.find("Hi Tafadzwa from the plant")).as("a greeting alone does not name an unknown word before other words").isEmpty();
        assertThat(rules.find("Her maiden name is Featherstonehaugh.")).extracting(Finding::value).containsExactly("Featherstonehaugh");
        assertThat(rules.find("Martin and Olawale were on shift.")).extracting(Finding::value).containsExactly("Martin", "Olawale");
        assertThat(rules.find("Thomas and Sons shipped the parts.")).as("an ordinary word is no name").isEmpty();
        assertThat(rules.find("Mr. Spears signed the delivery note.")).extracting(Finding::value)
                .as("after a title an ordinary word is a name").containsExactly("Spears");
    }

    @Test
    void theRulesJudgeANameWithoutTheJobBeforeIt() {
        assertThat(new TextDetector(null).find("We met Supervisor Priya Venkataraghavan at the plant.")).extracting(Finding::value)
                .containsExactly("Priya Venkataraghavan");
    }

    @Test
    void aSurnameThatIsAlsoAWordStaysAfterAnInitial() {
        TextDetector rules = new TextDetector(null);
        assertThat(rules.find("Shift handover signed by Brad L Key at 06:00.")).extracting(Finding::value).containsExactly("Brad L Key");
        assertThat(rules.find("Daniela C Capon inspected the press line.")).extracting(Finding::value).containsExactly("Daniela C Capon");
    }

    @Test
    void aPossessiveIsNoPartOfANameFoundAfterACue() {
        assertThat(new TextDetector(null).find("The notes from Joanna Kowalczyk's Shift Report are attached.")).extracting(Finding::value)
                .containsExactly("Joanna Kowalczyk");
    }

    @Test
    void aListOfNamesThatAFirmsWordEndsIsAFirm() {
        assertThat(find("Payments to Clark, Romero and Hall Logistics are on hold.")).isEmpty();
        assertThat(find("Invoices from Jones, Mitchell and Williams Partners are late.")).isEmpty();
        assertThat(find("On the bridge call: Clark, Romero and Hall.")).as("a list of people stays")
                .extracting(Finding::value).containsExactly("Clark", "Romero", "Hall");
    }

    @Test
    void findsANameWrittenWithoutCapitals() {
        TextDetector rules = new TextDetector(null);
        assertThat(rules.find("follow up with patricia desrosiers about the invoice")).extracting(Finding::value)
                .containsExactly("patricia desrosiers");
        assertThat(rules.find("benjamin a seiler called twice")).extracting(Finding::value).containsExactly("benjamin a seiler");
        assertThat(rules.find("the parts for mark went to bay 4")).as("a given name that is also a word is no name without capitals")
                .isEmpty();
        assertThat(rules.find("ship to rua josé a madeira 1, porto")).as("a street named after somebody").isEmpty();
    }

    @Test
    void aNameBeforeAHouseNumberNamesAStreet() {
        assertThat(find("Deliver the pallets to Peter Zuidhove 188 in Zwolle.")).extracting(Finding::category)
                .doesNotContain(Category.NAME);
    }

    @Test
    void aTitleIsNoPartOfTheName() {
        assertThat(new TextDetector(null).find("For my take on Miss Okafor, see the attached notes.")).extracting(Finding::value)
                .containsExactly("Okafor");
    }

    @Test
    void aStreetNamedAfterSomebodyIsNoName() {
        assertThat(find("Ask the driver to stop at the corner of 11 Botley Road St. and Herceg Gateway St."))
                .extracting(Finding::category).doesNotContain(Category.NAME);
    }

    @Test
    void britishAndCanadianAddressesKeepTheirPostcodes() {
        assertThat(find("12 Mill Lane\nSolihull B91 3QJ")).extracting(Finding::category, Finding::value)
                .containsExactly(tuple(Category.ADDRESS, "12 Mill Lane\nSolihull B91 3QJ"));
        assertThat(find("Deliver to 24 Sussex Drive, Ottawa ON K1M 1M4 before noon.")).extracting(Finding::category, Finding::value)
                .containsExactly(tuple(Category.ADDRESS, "24 Sussex Drive, Ottawa ON K1M 1M4"));
    }

    @Test
    void aTitledNameBeforeAFlatStaysAName() {
        assertThat(find("Mrs. Sarah Whitfield Flat 4, 12 Mill Lane, Solihull B91 3QJ"))
                .extracting(Finding::category, Finding::value)
                .startsWith(tuple(Category.NAME, "Sarah Whitfield"));
    }

    @Test
    void anAddressInALetterheadKeepsItsLinesUpToThePhoneNumberBelowIt() {
        String letterhead = "Debra Neal\n\n1659 Hoog St\n Apt. 839\n Brakpan\n South Africa 70651\n082 490 1693-Office";

        assertThat(find(letterhead)).extracting(Finding::category, Finding::value).containsExactly(
                tuple(Category.NAME, "Debra Neal"),
                tuple(Category.ADDRESS, "1659 Hoog St\n Apt. 839\n Brakpan\n South Africa 70651"),
                tuple(Category.PHONE, "082 490 1693"));
    }

    @Test
    void findsForcesAddressesOverTwoLinesAndFlatsOnALineOfTheirOwn() {
        assertThat(find("Our offices are located at USNS Møller\nFPO AA 85844")).extracting(Finding::category, Finding::value)
                .containsExactly(tuple(Category.ADDRESS, "USNS Møller\nFPO AA 85844"));
        assertThat(find("send it to unit 1009 box 0219 dpo ap 51065 please")).extracting(Finding::value)
                .containsExactly("unit 1009 box 0219 dpo ap 51065");
        assertThat(find("Alma Jensen > 91215 Harjukuja 54 > Suite 318 > SEINÄJOKI")).extracting(Finding::category)
                .contains(Category.ADDRESS);
        assertThat(find("Caitlin Lennox lives at 846 31 Rue Al Imam Al Bakri.")).extracting(Finding::category, Finding::value)
                .contains(tuple(Category.ADDRESS, "846 31 Rue Al Imam Al Bakri"));
    }

    @Test
    void aNameGivenAsSuchIsANameEvenWhenTheGazetteerDoesNotKnowIt() {
        assertThat(find("Hello, my name is Rubija and I moved last week.")).extracting(Finding::category, Finding::value)
                .containsExactly(tuple(Category.NAME, "Rubija"));
        assertThat(find("What's your last name? Magnusson")).extracting(Finding::value).containsExactly("Magnusson");
        assertThat(find("My name is the least of your worries.")).isEmpty();
    }

    @Test
    void aNumberThatFailsItsChecksumIsNotACard() {
        assertThat(find("order 4929 1234 5678 9012 shipped")).extracting(Finding::category)
                .doesNotContain(Category.PAYMENT_CARD);
    }

    @Test
    void versionNumbersInAUserAgentAreNotPhoneNumbers() {
        assertThat(find("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/73.0.3683.103 Safari/537.36"))
                .extracting(Finding::category).doesNotContain(Category.PHONE);
    }

    @Test
    void aDateIsADateOfBirthOnlyWhereTheTextSaysSo() {
        assertThat(find("DOB: 14/03/1986, joined 02/05/2019")).extracting(Finding::category, Finding::value)
                .containsExactly(tuple(Category.DATE_OF_BIRTH, "14/03/1986"));
    }

    @Test
    void findsCredentialsAndPasswordHashesInLogs() {
        assertThat(find("login ok user=jdoe password=Summer2025! hash $2b$12$abcdefghijklmnopqrstuuN0VbvSTxlmYJ2Bsxyh9S/P4cr4OHpHW"))
                .extracting(Finding::category).containsOnly(Category.CREDENTIALS);
    }

    @Test
    void findsAVinByItsCheckDigitAndAPlateWhereTheTextNamesIt() {
        assertThat(find("Vehicle 1M8GDM9AXKP042788 registration: AB12 CDE booked in"))
                .extracting(Finding::category, Finding::value)
                .contains(tuple(Category.VIN, "1M8GDM9AXKP042788"), tuple(Category.VEHICLE_REGISTRATION, "AB12 CDE"));
    }

    @Test
    void findsIpAddressesOfBothFamilies() {
        assertThat(find("failed login from 203.0.113.77 and 2001:db8::8a2e:370:7334"))
                .extracting(Finding::value).containsExactly("203.0.113.77", "2001:db8::8a2e:370:7334");
    }

    @Test
    void findingsNeverOverlap() {
        List<Finding> found = find("Call +44 20 7946 0958 or card 4539148803436467 or jane.doe+billing@example.com");
        for (int i = 1; i < found.size(); i++) {
            assertThat(found.get(i).start()).isGreaterThanOrEqualTo(found.get(i - 1).end());
        }
        assertThat(found).extracting(Finding::category)
                .containsExactly(Category.PHONE, Category.PAYMENT_CARD, Category.EMAIL);
    }
}
