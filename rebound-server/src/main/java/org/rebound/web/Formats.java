package org.rebound.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Number and time formats for the pages, available to templates as {@code fmt}. */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm 'UTC'", Locale.UK)
            .withZone(ZoneId.of("UTC"));

    private final Clock clock;

    private Formats(Clock clock) {
        this.clock = clock;
    }

    public static Formats of(Clock clock) {
        return new Formats(clock);
    }

    public String money(double amount) {
        return String.format(Locale.UK, "%,.0f", amount);
    }

    /** Large amounts in short form: 1.2m, 350k. */
    public String shortMoney(double amount) {
        if (Math.abs(amount) >= 1_000_000) {
            return String.format(Locale.UK, "%,.1fm", amount / 1_000_000);
        }
        if (Math.abs(amount) >= 10_000) {
            return String.format(Locale.UK, "%,.0fk", amount / 1_000);
        }
        return money(amount);
    }

    public String time(@Nullable Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /**
     * A {@code datetime-local} form value ({@code 2025-09-01T06:30}), read as UTC like every time the pages show.
     *
     * @throws java.time.format.DateTimeParseException when it is not one
     */
    public Instant parseInput(String value) {
        return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
    }

    /** How long ago: {@code 2d 3h}, {@code 45m}. */
    public String since(@Nullable Instant instant) {
        if (instant == null) {
            return "";
        }
        Duration elapsed = Duration.between(instant, clock.instant());
        return elapsed.isNegative() ? "now" : span(elapsed);
    }

    /** How long until a deadline: {@code in 2d 3h}, or {@code 45m ago} once it has passed. */
    public String until(@Nullable Instant instant) {
        if (instant == null) {
            return "";
        }
        Duration left = Duration.between(clock.instant(), instant);
        return left.isNegative() ? span(left.negated()) + " ago" : "in " + span(left);
    }

    private static String span(Duration duration) {
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        return hours > 0 ? hours + "h " + minutes + "m" : minutes + "m";
    }
}
