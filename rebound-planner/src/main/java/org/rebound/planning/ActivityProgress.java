package org.rebound.planning;

import java.time.Duration;
import java.time.Instant;

/** What is known about an activity that has started. */
public sealed interface ActivityProgress {

    String team();

    Instant start();

    /** Finished: it stays in the plan as it happened. */
    record Done(String team, Instant start, Instant end) implements ActivityProgress {
    }

    /** Under way: it keeps its team and start, and needs {@code remaining} more working time from the plan's start. */
    record InProgress(String team, Instant start, Duration remaining) implements ActivityProgress {
    }
}
