package org.rebound.impact;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A backlog at one instant.
 *
 * @param clearsAt when it will be worked off if its process stays up, or null when it is empty,
 *                 its process is not up, or it cannot clear at the modelled rates
 */
public record BacklogStatus(String id, String process, String unit, double level, @Nullable Instant clearsAt) {
}
