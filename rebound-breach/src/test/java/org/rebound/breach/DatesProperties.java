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

    @Example
    void onlyAValueInIsoFormIsKeptAsWritten() {
        assertThat(Dates.iso("1977-+1-30", Dates.Order.UNKNOWN)).as("read as a date, written anew").isEqualTo("1977-01-30");
        assertThat(Dates.iso("1977-13-30", Dates.Order.UNKNOWN)).isNull();
        assertThat(Dates.iso("next tuesday", Dates.Order.UNKNOWN)).isNull();
    }
}
