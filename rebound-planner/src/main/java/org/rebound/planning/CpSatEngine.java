package org.rebound.planning;

import org.jspecify.annotations.Nullable;

/**
 * {@link PlanningEngine} over {@link CpSatScheduler}, warm-started with the heuristic's schedule; it
 * returns the heuristic's plan when CP-SAT finds nothing better in its time.
 */
final class CpSatEngine extends InstanceEngine {

    @Override
    public String name() {
        return "cpsat";
    }

    @Override
    @Nullable Solved solve(Instance instance, SolveSettings settings) {
        Schedule warmStart = new SerialScheduler(instance).solve(settings.seed());
        if (warmStart == null) {
            return null;
        }
        if (instance.taskCount() == 0) {
            return new Solved(warmStart, 0.0, true);
        }
        CpSatScheduler.Result result = CpSatScheduler.solve(instance, warmStart, settings);
        if (result == null) {
            return new Solved(warmStart, null, false);
        }
        Schedule best = result.schedule().score() <= warmStart.score() ? result.schedule() : warmStart;
        return new Solved(best, result.lossBound(), result.optimal());
    }
}
