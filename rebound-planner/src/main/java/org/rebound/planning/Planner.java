package org.rebound.planning;

import java.util.Locale;
import java.util.Optional;

/** The planning engines. */
public final class Planner {

    private Planner() {
    }

    /** The serial schedule generator: a feasible plan at once. */
    public static PlanningEngine heuristic() {
        return new HeuristicEngine();
    }

    /** The CP-SAT model, warm-started with the heuristic; returns its best plan, bound and gap within the time limit. */
    public static PlanningEngine cpSat() {
        return new CpSatEngine();
    }

    /** A baseline for comparison: dependency order, most critical first, no optimisation. */
    public static PlanningEngine naive() {
        return new NaiveEngine();
    }

    /** The engine called {@code heuristic}, {@code cpsat} or {@code naive}. */
    public static Optional<PlanningEngine> named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "heuristic" -> Optional.of(heuristic());
            case "cpsat", "cp-sat" -> Optional.of(cpSat());
            case "naive" -> Optional.of(naive());
            default -> Optional.empty();
        };
    }
}
