package org.rebound.impact;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One process at one instant.
 *
 * @param since                   when the current outage began, or null when the process is up
 * @param cumulativeLoss          loss from the tracker's start to the instant
 * @param unavailableRequirements what the process waits on: the unavailable systems of its requirements that
 *                                are not met, in the order the process names them
 */
public record ProcessImpact(
        String id,
        String name,
        @Nullable String site,
        ProcessState state,
        double lossPerHour,
        double cumulativeLoss,
        @Nullable Instant since,
        List<String> unavailableRequirements) {

    public ProcessImpact {
        unavailableRequirements = List.copyOf(unavailableRequirements);
    }
}
