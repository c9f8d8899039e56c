package org.rebound.intel;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.rebound.incident.AttackCatalogue;
import org.rebound.incident.Observable;
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
        return shared(incident, caller, facts -> export.export(new StixExport.Facts(facts.incident(), organisation.get(),
                facts.observables(), facts.techniques(), facts.software(), clock.instant())));
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
        return add(incident, "bundle", read.problems(), read.found().stream()
                        .map(found -> marked(found.observable(), found.ioc(), found.tlp(), "stix")).toList(),
                read.skipped(), "a STIX bundle (" + bundle.path("objects").size() + " objects)", caller);
    }

    /** The incident as a MISP event. */
    public IncidentOutcome<ObjectNode> exportMisp(long incident, Caller caller) {
        return shared(incident, caller, facts -> misp.export(facts.incident(), facts.observables(), facts.techniques(), facts.software(),
                organisation.get()));
    }

    /** Adds the attributes of a MISP event as observables: all in one transaction, or none when the event is malformed. */
    public IncidentOutcome<Imported> importMisp(long incident, JsonNode event, Caller caller) {
        MispEvents.Result read = misp.read(event);
        return add(incident, "event", read.problems(), read.found().stream()
                .map(found -> marked(found.observable(), found.ioc(), found.tlp(), "misp")).toList(), read.skipped(), "a MISP event", caller);
    }

    /** What an incident shares: the incident, its observables, techniques and software, as a member may read them. */
    private record Facts(IncidentStore.StoredIncident incident, List<ObservableStore.StoredObservable> observables, List<String> techniques,
                         List<AttackCatalogue.Software> software) {
    }

    private <T> IncidentOutcome<T> shared(long incident, Caller caller, Function<Facts, T> write) {
        IncidentOutcome<Incidents.Detail> detail = incidents.detail(incident, caller);
        if (!(detail instanceof IncidentOutcome.Done<Incidents.Detail> found) || !found.value().access().canRead()) {
            return detail instanceof IncidentOutcome.Done<?> ? new IncidentOutcome.Forbidden<>("you are not a member of this incident")
                    : retyped(detail);
        }
        IncidentOutcome<List<Incidents.ObservableItem>> observables = incidents.observables(incident, caller);
        if (!(observables instanceof IncidentOutcome.Done<List<Incidents.ObservableItem>> listed)) {
            return retyped(observables);
        }
        return new IncidentOutcome.Done<>(write.apply(new Facts(found.value().incident(),
                listed.value().stream().map(Incidents.ObservableItem::observable).toList(),
                found.value().techniques().stream().map(IncidentStore.NotedTechnique::technique).toList(), found.value().software())));
    }

    private static Incidents.Marked marked(Observable observable, boolean ioc, @Nullable Tlp tlp, String tag) {
        return new Incidents.Marked(observable, new ObservableStore.Marking(ioc, false, tlp == null ? Tlp.AMBER : tlp, List.of(tag)));
    }

    private IncidentOutcome<Imported> add(long incident, String field, List<String> problems, List<Incidents.Marked> items,
                                          List<String> skipped, String source, Caller caller) {
        if (!problems.isEmpty()) {
            return new IncidentOutcome.Rejected<>(problems.stream().map(problem -> new IncidentOutcome.Problem(field, problem)).toList());
        }
        IncidentOutcome<Incidents.Added> added = incidents.importObservables(incident, items, source, caller);
        if (added instanceof IncidentOutcome.Done<Incidents.Added> done) {
            return new IncidentOutcome.Done<>(new Imported(done.value(), skipped));
        }
        return retyped(added);
    }

    @SuppressWarnings("unchecked")
    private static <T> IncidentOutcome<T> retyped(IncidentOutcome<?> refused) {
        // NotFound, Forbidden and Rejected carry no value, so the refusal stands for any result type.
        return (IncidentOutcome<T>) refused;
    }
}
