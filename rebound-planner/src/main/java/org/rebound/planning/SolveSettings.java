package org.rebound.planning;

import java.time.Duration;

/**
 * How long and how wide the exact engine may search.
 *
 * @param timeLimit     wall-clock time, or with {@code deterministic} CP-SAT's deterministic time
 * @param deterministic count the time limit in CP-SAT's deterministic time units instead of seconds,
 *                      so that the same seed and thread count always give the same plan (a unit takes
 *                      several seconds on a slow machine)
 */
public record SolveSettings(Duration timeLimit, int threads, int seed, boolean deterministic) {

    /** Wall-clock limited settings. */
    public SolveSettings(Duration timeLimit, int threads, int seed) {
        this(timeLimit, threads, seed, false);
    }


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
