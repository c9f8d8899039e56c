package org.rebound.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class DatesProperties {

    @Property
    void aBirthDateHasOneIsoFormHoweverItIsWritten(@ForAll @IntRange(min = 0, max = 60_000) int daysAfter1900) {
        LocalDate born = LocalDate.of(1900, 1, 1).plusDays(daysAfter1900);
        String iso = born.toString();

        assertThat(Dates.iso(iso, Dates.Order.UNKNOWN)).isEqualTo(iso);
        assertThat(Dates.iso(" " + iso + " ", Dates.Order.UNKNOWN)).isEqualTo(iso);
        assertThat(Dates.iso(born.format(DateTimeFormatter.ofPattern("d/M/yyyy")), Dates.Order.DAY_FIRST)).isEqualTo(iso);
        assertThat(Dates.iso(born.format(DateTimeFormatter.ofPattern("M/d/yyyy")), Dates.Order.MONTH_FIRST)).isEqualTo(iso);
        assertThat(Dates.iso(born.format(DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH)), Dates.Order.UNKNOWN))
                .isEqualTo(iso);
    }

    @Property
    void anIsoShapedValueIsABirthDateExactlyWhenTheCalendarHasThatDayInThoseYears(@ForAll @IntRange(min = 1800, max = 2200) int year,
            @ForAll @IntRange(min = 0, max = 13) int month, @ForAll @IntRange(min = 0, max = 32) int day) {
        String written = String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", year, month, day);
        String expected;
        try {
            LocalDate.of(year, month, day);
            expected = year >= 1880 && year <= 2100 ? written : null;
        } catch (java.time.DateTimeException noSuchDay) {
            expected = null;
        }

        assertThat(Dates.iso(written, Dates.Order.UNKNOWN)).isEqualTo(expected);
    }

    @Example
    void leapDaysAreBirthDatesOnlyInLeapYears() {
        assertThat(Dates.iso("2000-02-29", Dates.Order.UNKNOWN)).isEqualTo("2000-02-29");
        assertThat(Dates.iso("1900-02-29", Dates.Order.UNKNOWN)).isNull();
        assertThat(Dates.iso("1984-02-29", Dates.Order.UNKNOWN)).isEqualTo("1984-02-29");
        assertThat(Dates.iso("1985-02-29", Dates.Order.UNKNOWN)).isNull();
    }

    @Example
    void onlyAValueInIsoFormIsKeptAsWritten() {
        assertThat(Dates.iso("1977-+1-30", Dates.Order.UNKNOWN)).as("read as a date, written anew").isEqualTo("1977-01-30");
        assertThat(Dates.iso("1977-13-30", Dates.Order.UNKNOWN)).isNull();
        assertThat(Dates.iso("next tuesday", Dates.Order.UNKNOWN)).isNull();
    }
}
