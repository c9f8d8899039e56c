package org.rebound.breach;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Calendar dates as people write them. Numeric day/month order is ambiguous ({@code 03/04/1982});
 * the caller says which order a column uses (inferred from its sample), else day-first unless the
 * day cannot be first.
 */
final class Dates {

    enum Order { DAY_FIRST, MONTH_FIRST, UNKNOWN }

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ].*)?");
    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2})");
    private static final Pattern DAY_MONTH_NAME =
            Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?[ -]([A-Za-z]{3,9})\\.?,?[ -](\\d{4})");
    private static final Pattern MONTH_NAME_DAY =
            Pattern.compile("([A-Za-z]{3,9})\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})");

    private Dates() {
    }

    static Optional<LocalDate> parse(String raw, Order order) {
        String value = raw.trim();
        if (value.length() == 10 && value.charAt(4) == '-' && value.charAt(7) == '-') {
            // ISO dates, by far the most common in exports, without a regular expression
            return date(value.substring(0, 4), value.substring(5, 7), value.substring(8, 10));
        }
        Matcher m = ISO.matcher(value);
        if (m.matches()) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        m = NUMERIC.matcher(value);
        if (m.matches()) {
            int first = Integer.parseInt(m.group(1));
            int second = Integer.parseInt(m.group(2));
            String year = fullYear(m.group(3));
            boolean dayCannotBeFirst = first <= 12 && second > 12;
            boolean monthFirst = order == Order.MONTH_FIRST ? first <= 12 : dayCannotBeFirst;
            return monthFirst ? date(year, m.group(1), m.group(2)) : date(year, m.group(2), m.group(1));
        }
        Matcher dayMonth = DAY_MONTH_NAME.matcher(value);
        if (dayMonth.matches()) {
            return month(dayMonth.group(2)).flatMap(month -> date(dayMonth.group(3), String.valueOf(month), dayMonth.group(1)));
        }
        Matcher monthDay = MONTH_NAME_DAY.matcher(value);
        if (monthDay.matches()) {
            return month(monthDay.group(1)).flatMap(month -> date(monthDay.group(3), String.valueOf(month), monthDay.group(2)));
        }
        return Optional.empty();
    }

    /**
     * The date in ISO form ({@code 1977-10-30}), or null when the value is no date. A value in that
     * form already is returned as it is: birth dates are normalised for every row of a scan.
     */
    static @Nullable String iso(String raw, Order order) {
        String value = raw.trim();
        if (isIsoForm(value)) {
            return isDate(digits(value, 0, 4), digits(value, 5, 7), digits(value, 8, 10)) ? value : null;
        }
        return parse(value, order).map(LocalDate::toString).orElse(null);
    }

    /** The number written by the ASCII digits from {@code from} to {@code to}. */
    private static int digits(String value, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            number = number * 10 + value.charAt(i) - '0';
        }
        return number;
    }

    /** Whether the day exists in that month of that year, a year {@link #date} accepts. */
    private static boolean isDate(int year, int month, int day) {
        return year >= 1880 && year <= 2100 && month >= 1 && month <= 12 && day >= 1
                && day <= Month.of(month).length(java.time.Year.isLeap(year));
    }

    /** Four digits, a dash, two digits, a dash, two digits. */
    private static boolean isIsoForm(String value) {
        if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (i != 4 && i != 7 && (value.charAt(i) < '0' || value.charAt(i) > '9')) {
                return false;
            }
        }
        return true;
    }

    /** Which numeric order a sample of values shows: a first field above 12 means day-first. */
    static Order orderOf(Iterable<String> sample) {
        boolean dayFirst = false;
        boolean monthFirst = false;
        for (String value : sample) {
            Matcher m = NUMERIC.matcher(value.trim());
            if (m.matches()) {
                int first = Integer.parseInt(m.group(1));
                int second = Integer.parseInt(m.group(2));
                dayFirst |= first > 12 && second <= 12;
                monthFirst |= second > 12 && first <= 12;
            }
        }
        if (dayFirst == monthFirst) {
            return Order.UNKNOWN;
        }
        return dayFirst ? Order.DAY_FIRST : Order.MONTH_FIRST;
    }

    private static String fullYear(String year) {
        if (year.length() == 4) {
            return year;
        }
        // Two-digit years in birth dates are last century unless that makes the person over 100.
        int twoDigits = Integer.parseInt(year);
        return String.valueOf(twoDigits <= 25 ? 2000 + twoDigits : 1900 + twoDigits);
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            return date.getYear() >= 1880 && date.getYear() <= 2100 ? Optional.of(date) : Optional.empty();
        } catch (DateTimeException | NumberFormatException notADate) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> month(String name) {
        String prefix = name.toUpperCase(Locale.ROOT);
        if (prefix.length() < 3) {
            return Optional.empty();
        }
        for (Month month : Month.values()) {
            if (month.name().startsWith(prefix)) {
                return Optional.of(month.getValue());
            }
        }
        return Optional.empty();
    }
}
