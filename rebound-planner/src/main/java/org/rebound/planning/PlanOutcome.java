package org.rebound.planning;

import java.util.List;

/** What a planning engine returns: a plan, or why none can satisfy the request. */
public sealed interface PlanOutcome {

    record Planned(Plan plan) implements PlanOutcome {
    }

    /** The request cannot be met, for example a pin before its previous step can end. */
    record Infeasible(List<String> reasons) implements PlanOutcome {
        public Infeasible {
            reasons = List.copyOf(reasons);
        }
    }
}
