package org.rebound.planning;

import java.time.Instant;

/**
 * When a waiting process runs again if the plan is followed while activities take as long as their
 * three-point estimates allow: the plan's own date, the median and the 90th percentile over the samples.
 */
public record ProcessOutlook(String process, Instant planned, Instant p50, Instant p90) {
}
