package org.rebound.planning;

import java.time.Duration;
import java.util.List;

/**
 * {@link PlanningEngine} over {@link CpSatScheduler}, warm-started with the heuristic's schedule; it
 * returns the heuristic's plan when CP-SAT finds nothing better in its time.
 */
final class CpSatEngine implements PlanningEngine {

    @Override
    public String name() {
        return "cpsat";
    }

    @Override
    public PlanOutcome plan(PlanningRequest request, SolveSettings settings) {
        long started = System.nanoTime();
        InstanceBuilder.Result built = InstanceBuilder.build(request);
        if (built instanceof InstanceBuilder.Result.Rejected rejected) {
            return new PlanOutcome.Infeasible(rejected.reasons());
        }
        Instance instance = ((InstanceBuilder.Result.Built) built).instance();
        Schedule warmStart = new SerialScheduler(instance).solve(settings.seed());
        if (warmStart == null) {
            return new PlanOutcome.Infeasible(List.of(HeuristicEngine.infeasibility(instance)));
        }
        if (instance.taskCount() == 0) {
            return new PlanOutcome.Planned(PlanAssembler.assemble(name(), warmStart, 0.0, true, elapsed(started)));
        }
        CpSatScheduler.Result result = CpSatScheduler.solve(instance, warmStart, settings);
        if (result == null) {
            return new PlanOutcome.Planned(PlanAssembler.assemble(name(), warmStart, null, false, elapsed(started)));
        }
        Schedule best = result.schedule().score() <= warmStart.score() ? result.schedule() : warmStart;
        return new PlanOutcome.Planned(PlanAssembler.assemble(name(), best, result.lossBound(), result.optimal(), elapsed(started)));
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
