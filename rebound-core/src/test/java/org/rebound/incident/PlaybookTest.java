package org.rebound.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PlaybookTest {

    @Test
    void aPlaybookIsWrittenOneTaskPerLineWithAnOptionalAssigneeAndDueTime() {
        Playbook.Parsed parsed = Playbook.parse("""
                # first hour
                Isolate the plants' networks | network | 1h
                Call the cyber insurer's hotline
                Image the domain controllers | forensics
                Brief the board |  | 2d
                """);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.steps()).containsExactly(
                new Playbook.Step("Isolate the plants' networks", "network", Duration.ofHours(1)),
                new Playbook.Step("Call the cyber insurer's hotline", null, null),
                new Playbook.Step("Image the domain controllers", "forensics", null),
                new Playbook.Step("Brief the board", null, Duration.ofDays(2)));
    }

    @Test
    void linesThatAreNotTasksAreReportedByNumber() {
        Playbook.Parsed parsed = Playbook.parse("""
                Isolate | network | soon
                | nobody | 1h
                Notify | dpo | 72h | extra
                """);

        assertThat(parsed.problems()).extracting(Playbook.Problem::line).containsExactly(1, 2, 3);
        assertThat(parsed.problems().get(0).message()).contains("'soon' is not a duration");
        assertThat(parsed.steps()).isEmpty();
    }

    @Test
    void theShippedRansomwarePlaybookReadsAndReportsToTheAgencyOnTheFirstDay() {
        Playbook ransomware = Playbook.ransomware();

        assertThat(ransomware.steps()).hasSizeGreaterThan(10);
        assertThat(ransomware.steps()).anySatisfy(step -> {
            assertThat(step.title()).contains("national cyber agency");
            assertThat(step.dueAfter()).isEqualTo(Duration.ofDays(1));
        });
    }

    @Property
    void aPlaybooksTextReadsBackToTheSameTasks(@ForAll("steps") List<Playbook.Step> steps) {
        Playbook playbook = new Playbook("Generated", "", steps);

        assertThat(Playbook.parse(playbook.text()).steps()).isEqualTo(steps);
    }

    @Provide
    Arbitrary<List<Playbook.Step>> steps() {
        Arbitrary<String> words = Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '\'', '-', ',', '.')
                .ofMinLength(1).ofMaxLength(60).map(String::strip).filter(text -> !text.isEmpty());
        Arbitrary<String> assignees = Arbitraries.strings().withCharRange('a', 'z').withChars('-').ofMinLength(1).ofMaxLength(20)
                .injectNull(0.3);
        Arbitrary<Duration> due = Arbitraries.longs().between(1, 60 * 24 * 30).map(Duration::ofMinutes).injectNull(0.3);
        return Combinators.combine(words, assignees, due).as(Playbook.Step::new).list().ofMaxSize(20);
    }
}
