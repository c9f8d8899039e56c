package org.rebound.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsTheUnitsOfTheModelNotation() {
        assertThat(Durations.parse("8h")).contains(Duration.ofHours(8));
        assertThat(Durations.parse("2d")).contains(Duration.ofDays(2));
        assertThat(Durations.parse("30m")).contains(Duration.ofMinutes(30));
        assertThat(Durations.parse("1d12h")).contains(Duration.ofHours(36));
        assertThat(Durations.parse(" 90s ")).contains(Duration.ofSeconds(90));
        assertThat(Durations.parse("PT8H")).contains(Duration.ofHours(8));
    }

    @Test
    void rejectsNegativeMalformedAndUnitlessDurations() {
        assertThat(Durations.parse("-2h")).isEmpty();
        assertThat(Durations.parse("PT-2H")).isEmpty();
        assertThat(Durations.parse("8 hours")).isEmpty();
        assertThat(Durations.parse("8")).isEmpty();
        assertThat(Durations.parse("1.5h")).isEmpty();
        assertThat(Durations.parse("h")).isEmpty();
        assertThat(Durations.parse("")).isEmpty();
    }

    @Test
    void formatsWithTheLargestUnitsFirst() {
        assertThat(Durations.format(Duration.ofHours(36))).isEqualTo("1d12h");
        assertThat(Durations.format(Duration.ofMinutes(30))).isEqualTo("30m");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0h");
    }

    @Property
    void formattingThenParsingGivesTheSameDuration(@ForAll @LongRange(min = 0, max = 10_000_000_000L) long seconds) {
        Duration duration = Duration.ofSeconds(seconds);
        assertThat(Durations.parse(Durations.format(duration))).contains(duration);
    }
}
