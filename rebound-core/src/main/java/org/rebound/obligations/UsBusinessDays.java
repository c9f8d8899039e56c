package org.rebound.obligations;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Set;

/**
 * US federal business days, as the SEC counts them: weekdays that are not federal holidays (5 U.S.C.
 * 6103, with the Saturday-to-Friday and Sunday-to-Monday observance rule), not Inauguration Day (a
 * holiday in the District of Columbia, where the Commission sits) and not days the federal government
 * was closed by executive order.
 */
final class UsBusinessDays {

    /** Closures by executive order or national days of mourning (EDGAR closed). */
    private static final Set<LocalDate> CLOSURES = Set.of(
            LocalDate.of(2018, 12, 5),   // national day of mourning, President George H. W. Bush
            LocalDate.of(2018, 12, 24),  // executive order
            LocalDate.of(2019, 12, 24),  // executive order
            LocalDate.of(2020, 12, 24),  // executive order
            LocalDate.of(2024, 12, 24),  // executive order
            LocalDate.of(2025, 1, 9));   // national day of mourning, President Jimmy Carter

    private UsBusinessDays() {
    }

    static boolean isBusinessDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !isHoliday(day);
    }

    /**
     * The {@code count}-th business day after {@code day}, not counting {@code day} itself. When the
     * event falls on a weekend or holiday this is the count that "begins to run on, and includes, the
     * first business day thereafter" (Form 8-K General Instruction B.1), so one rule serves both cases.
     */
    static LocalDate plusBusinessDays(LocalDate day, int count) {
        LocalDate current = day;
        int counted = 0;
        while (counted < count) {
            current = current.plusDays(1);
            if (isBusinessDay(current)) {
                counted++;
            }
        }
        return current;
    }

    static boolean isHoliday(LocalDate day) {
        if (CLOSURES.contains(day)) {
            return true;
        }
        // New Year's Day of the next year is observed on 31 December when it falls on a Saturday.
        return observedHolidays(day.getYear()).contains(day) || observedHolidays(day.getYear() + 1).contains(day);
    }

    private static Set<LocalDate> observedHolidays(int year) {
        Set<LocalDate> days = new HashSet<>();
        days.add(observed(LocalDate.of(year, Month.JANUARY, 1)));
        days.add(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3));       // Martin Luther King Jr. Day
        days.add(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3));      // Washington's Birthday
        days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        if (year >= 2021) {
            days.add(observed(LocalDate.of(year, Month.JUNE, 19)));    // Juneteenth
        }
        days.add(observed(LocalDate.of(year, Month.JULY, 4)));
        days.add(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1));     // Labor Day
        days.add(nth(year, Month.OCTOBER, DayOfWeek.MONDAY, 2));       // Columbus Day
        days.add(observed(LocalDate.of(year, Month.NOVEMBER, 11)));    // Veterans Day
        days.add(nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4));    // Thanksgiving
        days.add(observed(LocalDate.of(year, Month.DECEMBER, 25)));
        if (year % 4 == 1) {
            LocalDate inauguration = LocalDate.of(year, Month.JANUARY, 20);
            days.add(inauguration.getDayOfWeek() == DayOfWeek.SUNDAY ? inauguration.plusDays(1) : inauguration);
        }
        return days;
    }

    private static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    private static LocalDate nth(int year, Month month, DayOfWeek weekday, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, weekday));
    }
}
