package org.rebound.impact;

import java.time.Instant;
import org.rebound.model.SystemState;

/** A system entered {@code state} at {@code at}. */
public record StateChange(Instant at, String system, SystemState state) {
}
