package org.rebound.model;

import java.time.Duration;

/**
 * How long a piece of recovery work takes: a single figure, or a three-point estimate
 * ({@code min ≤ likely ≤ max}) where the work is uncertain.
 */
public record Estimate(Duration min, Duration likely, Duration max) {

    public Estimate {
        if (min.isNegative() || min.compareTo(likely) > 0 || likely.compareTo(max) > 0) {
            throw new IllegalArgumentException(
                    "an estimate needs 0 <= min <= likely <= max, got " + min + ", " + likely + ", " + max);
        }
    }

    public static Estimate exactly(Duration duration) {
        return new Estimate(duration, duration, duration);
    }

    public boolean isExact() {
        return min.equals(max);
    }
}
