package org.rebound.planning;

import java.time.Duration;
import java.util.List;

/**
 * {@link PlanningEngine} for comparison: restores systems in dependency order, the most critical
 * first among equals, each activity on the first team free. What a team without a planner might do.
 */
final class NaiveEngine implements PlanningEngine {

    @Override
    public String name() {
        return "naive";
    }

    @Override
    public PlanOutcome plan(PlanningRequest request, SolveSettings settings) {
        long started = System.nanoTime();
        InstanceBuilder.Result built = InstanceBuilder.build(request);
        if (built instanceof InstanceBuilder.Result.Rejected rejected) {
            return new PlanOutcome.Infeasible(rejected.reasons());
        }
        Instance instance = ((InstanceBuilder.Result.Built) built).instance();
        Schedule schedule = new SerialScheduler(instance).naive();
        if (schedule == null) {
            return new PlanOutcome.Infeasible(List.of(HeuristicEngine.infeasibility(instance)));
        }
        return new PlanOutcome.Planned(PlanAssembler.assemble(name(), schedule, null, false, Duration.ofNanos(System.nanoTime() - started)));
    }
}
