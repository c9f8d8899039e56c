package org.rebound.planning;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * When a backlog is worked off under the plan, and its peak.
 *
 * @param cleared null when it cannot clear at the modelled rates
 */
public record BacklogForecast(String backlog, String process, String unit, double peak, @Nullable Instant cleared) {
}
