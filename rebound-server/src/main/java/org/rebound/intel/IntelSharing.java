package org.rebound.intel;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.rebound.incident.Tlp;
import org.rebound.incident.application.Caller;
import org.rebound.incident.application.IncidentOutcome;
import org.rebound.incident.application.Incidents;
import org.rebound.incident.persistence.IncidentStore;
import org.rebound.incident.persistence.ObservableStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sharing an incident with the outside world for its members: STIX 2.1 and MISP event JSON out, and the
 * observables of STIX bundles and MISP events in.
 */
public final class IntelSharing {

    private final Incidents incidents;
    private final Supplier<String> organisation;
    private final StixExport export;
    private final Clock clock;
    private final StixImport reader = new StixImport(StixValidator.load());
    private final MispEvents misp;

    /**
     * @param organisation the name the bundle is created by: the enterprise of the model in force
     */
    public IntelSharing(Incidents incidents, Supplier<String> organisation, Clock clock) {
        this.incidents = incidents;
        this.organisation = organisation;
        this.clock = clock;
        this.export = new StixExport(incidents.attack());
        this.misp = new MispEvents(incidents.attack());
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
                found.value().techniques().stream().map(IncidentStore.NotedTechnique::technique).toList(), found.value().software(),
                clock.instant())));
    }

    /** What an import added, and what the bundle held that Rebound has no observable for. */
    public record Imported(Incidents.Added added, List<String> skipped) {
    }

    /**
     * Adds the observables of a STIX bundle to the incident: all of them in one transaction, or none
     * when the bundle is not valid (every problem listed). Unmarked ones are marked TLP:AMBER.
     */
    public IncidentOutcome<Imported> importBundle(long incident, JsonNode bundle, Caller caller) {
        StixImport.Result read = reader.read(bundle);
        if (!read.problems().isEmpty()) {
            return new IncidentOutcome.Rejected<>(read.problems().stream()
                    .map(problem -> new IncidentOutcome.Problem("bundle", problem)).toList());
        }
        List<Incidents.Marked> items = read.found().stream()
                .map(found -> new Incidents.Marked(found.observable(),
                        new ObservableStore.Marking(found.ioc(), false, found.tlp() == null ? Tlp.AMBER : found.tlp(), List.of("stix"))))
                .toList();
        IncidentOutcome<Incidents.Added> added = incidents.importObservables(incident, items,
                "a STIX bundle (" + bundle.path("objects").size() + " objects)", caller);
        if (added instanceof IncidentOutcome.Done<Incidents.Added> done) {
            return new IncidentOutcome.Done<>(new Imported(done.value(), read.skipped()));
        }
        return retyped(added);
    }

    /** The incident as a MISP event. */
    public IncidentOutcome<ObjectNode> exportMisp(long incident, Caller caller) {
        IncidentOutcome<Incidents.Detail> detail = incidents.detail(incident, caller);
        if (!(detail instanceof IncidentOutcome.Done<Incidents.Detail> found) || !found.value().access().canRead()) {
            return detail instanceof IncidentOutcome.Done<?> ? new IncidentOutcome.Forbidden<>("you are not a member of this incident")
                    : retyped(detail);
        }
        IncidentOutcome<List<Incidents.ObservableItem>> observables = incidents.observables(incident, caller);
        if (!(observables instanceof IncidentOutcome.Done<List<Incidents.ObservableItem>> listed)) {
            return retyped(observables);
        }
        return new IncidentOutcome.Done<>(misp.export(found.value().incident(),
                listed.value().stream().map(Incidents.ObservableItem::observable).toList(),
                found.value().techniques().stream().map(IncidentStore.NotedTechnique::technique).toList(), found.value().software(),
                organisation.get()));
    }

    /** Adds the attributes of a MISP event as observables: all in one transaction, or none when the event is malformed. */
    public IncidentOutcome<Imported> importMisp(long incident, JsonNode event, Caller caller) {
        MispEvents.Result read = misp.read(event);
        if (!read.problems().isEmpty()) {
            return new IncidentOutcome.Rejected<>(read.problems().stream()
                    .map(problem -> new IncidentOutcome.Problem("event", problem)).toList());
        }
        List<Incidents.Marked> items = read.found().stream()
                .map(found -> new Incidents.Marked(found.observable(),
                        new ObservableStore.Marking(found.ioc(), false, found.tlp() == null ? Tlp.AMBER : found.tlp(), List.of("misp"))))
                .toList();
        IncidentOutcome<Incidents.Added> added = incidents.importObservables(incident, items, "a MISP event", caller);
        if (added instanceof IncidentOutcome.Done<Incidents.Added> done) {
            return new IncidentOutcome.Done<>(new Imported(done.value(), read.skipped()));
        }
        return retyped(added);
    }

    @SuppressWarnings("unchecked")
    private static <T> IncidentOutcome<T> retyped(IncidentOutcome<?> refused) {
        // NotFound, Forbidden and Rejected carry no value, so the refusal stands for any result type.
        return (IncidentOutcome<T>) refused;
    }
}
