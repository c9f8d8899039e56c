package org.rebound.planning;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A recovery plan and what it achieves, costed by the impact engine.
 *
 * @param objective the loss from {@code start} until every process is back, exactly as the impact
 *                  engine computes it (the quantity the planner minimises)
 * @param bound     a proven lower bound on that loss for any plan, or null when the engine proves none
 * @param gap       {@code (objective - bound) / objective}, or null without a bound
 * @param totalLoss the loss of the whole incident: from its origin until every process is back
 * @param allBack   when the last process is back (the tie-breaker between plans of equal loss)
 */
public record Plan(
        String engine,
        Instant start,
        List<PlannedActivity> activities,
        List<SystemReturn> systems,
        List<ProcessForecast> processes,
        List<BacklogForecast> backlogs,
        double objective,
        @Nullable Double bound,
        @Nullable Double gap,
        boolean optimal,
        double totalLoss,
        Instant allBack,
        Duration solveTime) {

    public Plan {
        activities = List.copyOf(activities);
        systems = List.copyOf(systems);
        processes = List.copyOf(processes);
        backlogs = List.copyOf(backlogs);
    }
}
