package org.rebound.planning;

import org.jspecify.annotations.Nullable;

/** {@link PlanningEngine} over {@link SerialScheduler}: a good plan at once. */
final class HeuristicEngine extends InstanceEngine {

    @Override
    public String name() {
        return "heuristic";
    }

    @Override
    @Nullable Solved solve(Instance instance, SolveSettings settings) {
        Schedule schedule = new SerialScheduler(instance).solve(settings.seed());
        return schedule == null ? null : new Solved(schedule, null, instance.taskCount() == 0);
    }
}
