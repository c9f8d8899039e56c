package org.rebound.impact;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A period in which a process was not up: from {@code down} until {@code up}, or still ongoing when {@code up} is null. */
public record Outage(Instant down, @Nullable Instant up) {

    public boolean covers(Instant instant) {
        return !instant.isBefore(down) && (up == null || instant.isBefore(up));
    }
}
