package org.rebound.planning;

import java.time.Instant;
import java.util.Map;

/**
 * What the incident team imposes on the plan.
 *
 * @param pins      activities that must start exactly at the given instant
 * @param notBefore activities that must not start before the given instant
 * @param siteCaps  per site, how many of its systems may be in validation and reconnection at once
 * @param boosts    per system, a priority multiplier above 1 for systems the team wants back sooner
 *                  than their business loss alone would say
 */
public record UserConstraints(
        Map<ActivityKey, Instant> pins,
        Map<ActivityKey, Instant> notBefore,
        Map<String, Integer> siteCaps,
        Map<String, Double> boosts) {

    public UserConstraints {
        pins = Map.copyOf(pins);
        notBefore = Map.copyOf(notBefore);
        siteCaps = Map.copyOf(siteCaps);
        boosts = Map.copyOf(boosts);
        siteCaps.forEach((site, cap) -> {
            if (cap < 1) {
                throw new IllegalArgumentException("the reconnection cap of site " + site + " must be at least 1, got " + cap);
            }
        });
        boosts.forEach((system, boost) -> {
            if (!(boost >= 1)) {
                throw new IllegalArgumentException("the priority boost of " + system + " must be at least 1, got " + boost);
            }
        });
    }

    public static UserConstraints none() {
        return new UserConstraints(Map.of(), Map.of(), Map.of(), Map.of());
    }
}
