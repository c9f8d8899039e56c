package org.rebound.model;

import java.time.Duration;

/**
 * A manual fallback for a process: once {@code leadTime} has passed since the process went down it
 * runs at {@code capacity} (a fraction of normal output) and costs {@code costPerHour} extra.
 */
public record Workaround(double capacity, Duration leadTime, double costPerHour) {

    public Workaround {
        if (capacity < 0 || capacity > 1) {
            throw new IllegalArgumentException("workaround capacity must be within 0..1, got " + capacity);
        }
        if (leadTime.isNegative() || costPerHour < 0) {
            throw new IllegalArgumentException("workaround lead time and cost must not be negative");
        }
    }
}
