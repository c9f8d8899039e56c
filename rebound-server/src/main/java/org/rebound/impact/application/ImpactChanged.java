package org.rebound.impact.application;

import java.time.Instant;

/** Published after anything that changes the impact picture was committed. */
public record ImpactChanged(Instant at, String cause) {
}
