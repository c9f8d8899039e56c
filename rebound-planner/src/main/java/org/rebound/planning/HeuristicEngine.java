package org.rebound.planning;

import java.time.Duration;
import java.util.List;

/** {@link PlanningEngine} over {@link SerialScheduler}: a good plan at once. */
final class HeuristicEngine implements PlanningEngine {

    @Override
    public String name() {
        return "heuristic";
    }

    @Override
    public PlanOutcome plan(PlanningRequest request, SolveSettings settings) {
        long started = System.nanoTime();
        InstanceBuilder.Result built = InstanceBuilder.build(request);
        if (built instanceof InstanceBuilder.Result.Rejected rejected) {
            return new PlanOutcome.Infeasible(rejected.reasons());
        }
        Instance instance = ((InstanceBuilder.Result.Built) built).instance();
        Schedule schedule = new SerialScheduler(instance).solve(settings.seed());
        if (schedule == null) {
            return new PlanOutcome.Infeasible(List.of(infeasibility(instance)));
        }
        return new PlanOutcome.Planned(PlanAssembler.assemble(name(), schedule, null, instance.taskCount() == 0,
                Duration.ofNanos(System.nanoTime() - started)));
    }

    static String infeasibility(Instance instance) {
        return instance.pinned.length > 0 && java.util.Arrays.stream(instance.pinned).anyMatch(pin -> pin >= 0)
                ? "the pinned activities cannot all be placed: a pin falls before its previous step can end,"
                        + " outside its team's shift, or where its team has no member free"
                : "no schedule fits within the planning horizon";
    }
}
