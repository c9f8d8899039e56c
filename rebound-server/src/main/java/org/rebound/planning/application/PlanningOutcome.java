package org.rebound.planning.application;

import java.util.List;
import org.rebound.planning.persistence.PlanStore.StoredPlan;
import org.rebound.planning.view.PlanView;

/** What became of a request to re-plan. */
public sealed interface PlanningOutcome {

    /** Computed and stored as a new plan version. */
    record Planned(StoredPlan stored, PlanView plan) implements PlanningOutcome {
    }

    /** The request itself is wrong; {@code field} names the input at fault. */
    record Rejected(String field, String message) implements PlanningOutcome {
    }

    /** The incident cannot be planned as asked (for example a pin before its previous step can end). */
    record Infeasible(List<String> reasons) implements PlanningOutcome {
        public Infeasible {
            reasons = List.copyOf(reasons);
        }
    }
}
