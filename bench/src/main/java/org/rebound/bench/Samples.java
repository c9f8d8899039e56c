package org.rebound.bench;

import java.util.Arrays;
import java.util.Locale;

/** Timings of repeated runs of one operation, in nanoseconds. */
final class Samples {

    private final long[] nanos;
    private int count;

    Samples(int capacity) {
        nanos = new long[capacity];
    }

    void add(long elapsedNanos) {
        nanos[count++] = elapsedNanos;
    }

    double medianMillis() {
        return percentileMillis(50);
    }

    double percentileMillis(double percentile) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.ceil(percentile / 100.0 * count) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    double maxMillis() {
        return Arrays.stream(nanos, 0, count).max().orElse(0) / 1e6;
    }

    String describe() {
        return String.format(Locale.ROOT, "median %.4f ms, p99 %.4f ms, max %.4f ms (%d runs)",
                medianMillis(), percentileMillis(99), maxMillis(), count);
    }
}
