package org.rebound.planning;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.rebound.impact.ImpactTracker;
import org.rebound.impact.StateChange;
import org.rebound.model.Enterprise;
import org.rebound.model.Scenario;

/**
 * An incident to plan the recovery of, as it stands at {@code now}.
 *
 * @param origin   when the incident began; loss is counted from here
 * @param history  the system state changes up to {@code now}; the systems out of action at
 *                 {@code now} are the ones to recover
 * @param progress activities already started or finished
 */
public record PlanningRequest(
        Enterprise enterprise,
        Instant origin,
        List<StateChange> history,
        Instant now,
        Map<ActivityKey, ActivityProgress> progress,
        UserConstraints constraints) {

    public PlanningRequest {
        history = List.copyOf(history);
        progress = Map.copyOf(progress);
        if (now.isBefore(origin)) {
            throw new IllegalArgumentException("cannot plan at " + now + ", before the incident began at " + origin);
        }
    }

    /** A fresh plan at the start of a scenario, with no work done yet. */
    public static PlanningRequest atStart(Enterprise enterprise, Scenario scenario) {
        return new PlanningRequest(enterprise, scenario.start(), ImpactTracker.scenarioChanges(scenario), scenario.start(),
                Map.of(), UserConstraints.none());
    }

    public PlanningRequest withNow(Instant later) {
        return new PlanningRequest(enterprise, origin, history, later, progress, constraints);
    }

    public PlanningRequest with(UserConstraints replaced) {
        return new PlanningRequest(enterprise, origin, history, now, progress, replaced);
    }

    public PlanningRequest with(Map<ActivityKey, ActivityProgress> replaced) {
        return new PlanningRequest(enterprise, origin, history, now, replaced, constraints);
    }
}
