package org.rebound.obligations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;

/** When a duty falls due, as the rule words it. */
sealed interface Deadline {

    /** The law sets no fixed time ("without undue delay"). */
    record None() implements Deadline {
    }

    /**
     * A time after an event: awareness, the materiality determination, or the submission of another
     * rule's notice ({@code ofRule}). Calendar days and months are counted in the rule's zone to the same
     * local time, so a deadline across a daylight-saving change keeps its wall-clock time; hours are
     * elapsed time. Business days are US federal business days, ending at {@code cutoff} when given.
     */
    record After(From from, @Nullable String ofRule, Unit unit, int amount, @Nullable LocalTime cutoff)
            implements Deadline {

        ZonedDateTime from(ZonedDateTime start) {
            return switch (unit) {
                case HOURS -> start.plusHours(amount);
                case DAYS -> start.plusDays(amount);
                case MONTHS -> start.plusMonths(amount);
                case BUSINESS_DAYS -> {
                    LocalDate day = UsBusinessDays.plusBusinessDays(start.toLocalDate(), amount);
                    yield ZonedDateTime.of(day, cutoff != null ? cutoff : start.toLocalTime(), start.getZone());
                }
            };
        }

        Instant from(Instant start, ZoneId zone) {
            return from(start.atZone(zone)).toInstant();
        }

        String describe() {
            String span = switch (unit) {
                case HOURS -> amount + (amount == 1 ? " hour" : " hours");
                case DAYS -> amount + (amount == 1 ? " day" : " days");
                case MONTHS -> amount + (amount == 1 ? " month" : " months");
                case BUSINESS_DAYS -> amount + " US federal business " + (amount == 1 ? "day" : "days");
            };
            String event = switch (from) {
                case AWARENESS -> "awareness";
                case MATERIALITY -> "the materiality determination";
                case SUBMISSION -> "the submission of " + ofRule;
            };
            String end = cutoff == null ? "" : ", at " + cutoff + " local time";
            return amount == 0 ? "with " + event.replace("the submission of", "the notice under") : span + " after " + event + end;
        }
    }

    enum From { AWARENESS, MATERIALITY, SUBMISSION }

    enum Unit { HOURS, DAYS, MONTHS, BUSINESS_DAYS }
}
