package org.rebound.planning.application;

import java.time.Instant;

/** Published after a new plan version was stored. */
public record PlanComputed(long planId, Instant at, String reason) {
}
