package org.rebound.planning;

import java.time.Instant;

/** When a process that is not up at the plan's start runs again under the plan. */
public record ProcessForecast(String process, String name, Instant restored, double lossUntilRestored) {
}
