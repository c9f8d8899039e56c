package org.rebound.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The daily working hours of a team: {@code hours} hours from {@code start} local time in
 * {@code zone}, every day. A team without a shift works around the clock (incident mode).
 */
public record Shift(LocalTime start, int hours, ZoneId zone) {

    public Shift {
        if (hours < 1 || hours > 24) {
            throw new IllegalArgumentException("a shift lasts 1 to 24 hours, got " + hours);
        }
    }

    /** Whether the team works at {@code instant}. */
    public boolean isWorking(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        ZonedDateTime todayStart = local.toLocalDate().atTime(start).atZone(zone);
        ZonedDateTime shiftStart = local.isBefore(todayStart) ? todayStart.minusDays(1) : todayStart;
        return instant.isBefore(shiftStart.toInstant().plus(Duration.ofHours(hours)));
    }
}
