package org.rebound.planning;

/** Turns a planning request into a plan. Implementations are deterministic for the same settings. */
public interface PlanningEngine {

    /** The name reported in plans: {@code heuristic} or {@code cpsat}. */
    String name();

    PlanOutcome plan(PlanningRequest request, SolveSettings settings);
}
