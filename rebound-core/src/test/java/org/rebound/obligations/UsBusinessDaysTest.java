package org.rebound.obligations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsBusinessDaysTest {

    @Test
    void theFederalHolidaysOf2027MatchThePublishedScheduleIncludingObservedDays() {
        List<LocalDate> holidays = LocalDate.of(2027, 1, 1).datesUntil(LocalDate.of(2028, 1, 1))
                .filter(UsBusinessDays::isHoliday).toList();

        // OPM: Juneteenth, Christmas and the next New Year's Day fall on Saturdays and are observed on Fridays
        assertThat(holidays).containsExactly(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 18),
                LocalDate.of(2027, 2, 15), LocalDate.of(2027, 5, 31), LocalDate.of(2027, 6, 18),
                LocalDate.of(2027, 7, 5), LocalDate.of(2027, 9, 6), LocalDate.of(2027, 10, 11),
                LocalDate.of(2027, 11, 11), LocalDate.of(2027, 11, 25), LocalDate.of(2027, 12, 24),
                LocalDate.of(2027, 12, 31));
    }

    @Test
    void inaugurationDayIsAHolidayOnlyInInaugurationYears() {
        assertThat(UsBusinessDays.isBusinessDay(LocalDate.of(2021, 1, 20))).isFalse();
        assertThat(UsBusinessDays.isBusinessDay(LocalDate.of(2022, 1, 20))).isTrue();
        assertThat(UsBusinessDays.isHoliday(LocalDate.of(2029, 1, 22))).isFalse();
    }

    @Test
    void countingFromAWeekendOrHolidayIncludesTheFirstBusinessDayAfterIt() {
        LocalDate saturday = LocalDate.of(2025, 9, 6);
        LocalDate friday = LocalDate.of(2025, 9, 5);

        assertThat(UsBusinessDays.plusBusinessDays(saturday, 1)).isEqualTo(LocalDate.of(2025, 9, 8));
        assertThat(UsBusinessDays.plusBusinessDays(saturday, 4)).isEqualTo(UsBusinessDays.plusBusinessDays(friday, 4));
    }
}
