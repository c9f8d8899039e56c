package org.rebound.model;

import org.jspecify.annotations.Nullable;

/**
 * A business process the enterprise loses money on while it is down.
 *
 * @param costPerHour loss per hour while fully down, in the enterprise's currency
 * @param workaround  the manual fallback, or null when there is none
 */
public record BusinessProcess(
        String id,
        String name,
        @Nullable String site,
        double costPerHour,
        Requirements requires,
        @Nullable Workaround workaround) {

    public BusinessProcess {
        if (costPerHour < 0) {
            throw new IllegalArgumentException("process " + id + " has a negative cost per hour");
        }
    }
}
