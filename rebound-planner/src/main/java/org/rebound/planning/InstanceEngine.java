package org.rebound.planning;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What every engine does around its own scheduling: build the integer instance (or report why the
 * request cannot be planned), schedule it, and assemble and cost the plan.
 */
abstract class InstanceEngine implements PlanningEngine {

    /** A schedule with what the engine proved about it. */
    record Solved(Schedule schedule, @Nullable Double bound, boolean optimal) {
    }

    @Override
    public final PlanOutcome plan(PlanningRequest request, SolveSettings settings) {
        long started = System.nanoTime();
        InstanceBuilder.Result built = InstanceBuilder.build(request);
        if (built instanceof InstanceBuilder.Result.Rejected rejected) {
            return new PlanOutcome.Infeasible(rejected.reasons());
        }
        Instance instance = ((InstanceBuilder.Result.Built) built).instance();
        Solved solved = solve(instance, settings);
        if (solved == null) {
            return new PlanOutcome.Infeasible(List.of(infeasibility(instance)));
        }
        return new PlanOutcome.Planned(PlanAssembler.assemble(name(), solved.schedule(), solved.bound(), solved.optimal(),
                Duration.ofNanos(System.nanoTime() - started)));
    }

    /** A schedule of the instance, or null when none can be found (pins that cannot all be met). */
    abstract @Nullable Solved solve(Instance instance, SolveSettings settings);

    private static String infeasibility(Instance instance) {
        return java.util.Arrays.stream(instance.pinned).anyMatch(pin -> pin >= 0)
                ? "the pinned activities cannot all be placed: a pin falls before its previous step can end,"
                        + " outside its team's shift, or where its team has no member free"
                : "no schedule fits within the planning horizon";
    }
}
