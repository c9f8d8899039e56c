package org.rebound.intel;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.rebound.incident.application.Caller;
import org.rebound.incident.application.IncidentOutcome;
import org.rebound.incident.application.Incidents;
import org.rebound.incident.persistence.IncidentStore;

/** Exports an incident as STIX 2.1 for a member who may read it. */
public final class StixSharing {

    private final Incidents incidents;
    private final Supplier<String> organisation;
    private final StixExport export;
    private final Clock clock;

    /**
     * @param organisation the name the bundle is created by: the enterprise of the model in force
     */
    public StixSharing(Incidents incidents, Supplier<String> organisation, Clock clock) {
        this.incidents = incidents;
        this.organisation = organisation;
        this.clock = clock;
        this.export = new StixExport(incidents.attack());
    }

    public IncidentOutcome<StixExport.Result> export(long incident, Caller caller) {
        IncidentOutcome<Incidents.Detail> detail = incidents.detail(incident, caller);
        if (!(detail instanceof IncidentOutcome.Done<Incidents.Detail> found) || !found.value().access().canRead()) {
            return detail instanceof IncidentOutcome.Done<?> ? new IncidentOutcome.Forbidden<>("you are not a member of this incident")
                    : retyped(detail);
        }
        IncidentOutcome<List<Incidents.ObservableItem>> observables = incidents.observables(incident, caller);
        if (!(observables instanceof IncidentOutcome.Done<List<Incidents.ObservableItem>> listed)) {
            return retyped(observables);
        }
        return new IncidentOutcome.Done<>(export.export(new StixExport.Facts(found.value().incident(), organisation.get(),
                listed.value().stream().map(Incidents.ObservableItem::observable).toList(),
                found.value().techniques().stream().map(IncidentStore.NotedTechnique::technique).toList(), clock.instant())));
    }

    @SuppressWarnings("unchecked")
    private static <T> IncidentOutcome<T> retyped(IncidentOutcome<?> refused) {
        // NotFound, Forbidden and Rejected carry no value, so the refusal stands for any result type.
        return (IncidentOutcome<T>) refused;
    }
}
