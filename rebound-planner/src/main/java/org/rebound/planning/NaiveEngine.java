package org.rebound.planning;

import org.jspecify.annotations.Nullable;

/**
 * {@link PlanningEngine} for comparison: restores systems in dependency order, the most critical
 * first among equals, each activity on the first team free. What a team without a planner might do.
 */
final class NaiveEngine extends InstanceEngine {

    @Override
    public String name() {
        return "naive";
    }

    @Override
    @Nullable Solved solve(Instance instance, SolveSettings settings) {
        Schedule schedule = new SerialScheduler(instance).naive();
        return schedule == null ? null : new Solved(schedule, null, false);
    }
}
