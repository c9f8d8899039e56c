package org.rebound.impact.application;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rebound.model.SystemState;

/**
 * One system as the incident team sees it.
 *
 * @param since      when its state last changed, or null if it never did
 * @param rootCauses the systems out of action in their own right that make it unavailable (itself
 *                   included when it is one of them); empty when available
 */
public record SystemStatus(
        String id,
        String name,
        @Nullable String site,
        String kind,
        @Nullable String skill,
        SystemState state,
        boolean available,
        @Nullable Instant since,
        @Nullable String reason,
        @Nullable String actor,
        List<String> rootCauses) {

    public SystemStatus {
        rootCauses = List.copyOf(rootCauses);
    }
}
