package org.rebound.planning;

import java.time.Duration;

/**
 * How long and how wide the exact engine may search.
 *
 * @param timeLimit measured in CP-SAT's deterministic time (close to seconds on a typical machine),
 *                  so that the same seed and thread count give the same plan
 */
public record SolveSettings(Duration timeLimit, int threads, int seed) {

    public SolveSettings {
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("the time limit must be positive, got " + timeLimit);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("at least one thread is needed, got " + threads);
        }
    }

    public static SolveSettings defaults() {
        return new SolveSettings(Duration.ofSeconds(10), 1, 1);
    }
}
