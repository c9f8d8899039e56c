package org.rebound.impact.application;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rebound.impact.ImpactReport;
import org.rebound.impact.persistence.ScenarioActivations.Activation;
import org.rebound.model.Enterprise;
import org.rebound.model.persistence.ModelStore.StoredModel;

/**
 * The whole picture at one instant: the model in force, the live incident if one is declared, the
 * impact on every process and backlog, and every system's state.
 *
 * @param ignoredEvents state changes naming systems the current model does not have
 */
public record Situation(
        StoredModel model,
        Enterprise enterprise,
        @Nullable Activation incident,
        ImpactReport report,
        List<SystemStatus> systems,
        int ignoredEvents) {

    public Situation {
        systems = List.copyOf(systems);
    }
}
