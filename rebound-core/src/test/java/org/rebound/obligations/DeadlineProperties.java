package org.rebound.obligations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.rebound.obligations.IncidentFacts.Entity;
import org.rebound.obligations.IncidentFacts.Nis2;
import org.rebound.obligations.IncidentFacts.PersonalData;

class DeadlineProperties {

    private static final ObligationsEngine ENGINE = ObligationsEngine.standard();
    private static final Entity ALBION = new Entity("Albion Motors", "GB", Nis2.IMPORTANT, true, null, null);
    private static final PersonalData PASSPORTS =
            new PersonalData(true, Set.of("contact", "government-id"), true, false, false, false, false);

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(Instant.parse("2019-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2031-12-31T00:00:00Z").getEpochSecond()).map(Instant::ofEpochSecond);
    }

    @Property
    void theBusinessDayAfterCountingIsAWeekdayWithExactlyThatManyBusinessDaysOnTheWay(
            @ForAll("instants") Instant start, @ForAll @IntRange(min = 1, max = 20) int count) {
        LocalDate from = start.atZone(ZoneId.of("America/New_York")).toLocalDate();

        LocalDate due = UsBusinessDays.plusBusinessDays(from, count);

        assertThat(due.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(UsBusinessDays.isBusinessDay(due)).isTrue();
        long businessDaysOnTheWay = from.plusDays(1).datesUntil(due.plusDays(1)).filter(UsBusinessDays::isBusinessDay).count();
        assertThat(businessDaysOnTheWay).isEqualTo(count);
    }

    @Property
    void hourDeadlinesAreElapsedTimeWhateverTheLocalClockDoes(@ForAll("instants") Instant aware) {
        IncidentFacts facts = new IncidentFacts(aware, null, ALBION, PASSPORTS, Map.of("GB", 10L, "DE", 10L),
                true, null, Map.of());

        var obligations = ENGINE.evaluate(facts, aware);

        assertThat(deadline(obligations, "gdpr-art33")).isEqualTo(aware.plusSeconds(72 * 3600));
        assertThat(deadline(obligations, "nis2-early-warning")).isEqualTo(aware.plusSeconds(24 * 3600));
    }

    @Property
    void calendarDayDeadlinesKeepTheLocalWallClockTimeOfAwareness(@ForAll("instants") Instant aware) {
        IncidentFacts facts = new IncidentFacts(aware, null, ALBION, PASSPORTS, Map.of("US-CA", 10L, "US-TX", 10L),
                false, null, Map.of());

        var obligations = ENGINE.evaluate(facts, aware);

        ZonedDateTime inCalifornia = aware.atZone(ZoneId.of("America/Los_Angeles"));
        ZonedDateTime due = deadline(obligations, "us-ca-1798.82").atZone(ZoneId.of("America/Los_Angeles"));
        assertThat(due.toLocalDate()).isEqualTo(inCalifornia.toLocalDate().plusDays(30));
        // the same wall-clock time, unless awareness fell into the hour a spring-forward skips
        assertThat(Math.abs(due.toLocalTime().toSecondOfDay() - inCalifornia.toLocalTime().toSecondOfDay()))
                .isIn(0, 3600);
    }

    @Property
    void anObligationIsOverdueExactlyWhenItsDeadlineHasPassedAndItIsNotDone(
            @ForAll("instants") Instant aware, @ForAll @IntRange(min = 0, max = 24 * 200) int hoursLater) {
        IncidentFacts facts = new IncidentFacts(aware, null, ALBION, PASSPORTS, Map.of("GB", 10L, "US-CA", 600L),
                true, null, Map.of());
        Instant at = aware.plusSeconds(hoursLater * 3600L);

        assertThat(ENGINE.evaluate(facts, at)).filteredOn(Obligation::triggered).allSatisfy(obligation ->
                assertThat(obligation.status()).isEqualTo(obligation.deadline() != null && at.isAfter(obligation.deadline())
                        ? ObligationStatus.OVERDUE : ObligationStatus.DUE));
    }

    private static Instant deadline(java.util.List<Obligation> obligations, String rule) {
        return obligations.stream().filter(obligation -> obligation.rule().equals(rule)).findFirst().orElseThrow().deadline();
    }
}
