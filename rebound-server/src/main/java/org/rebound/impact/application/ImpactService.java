package org.rebound.impact.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.rebound.audit.AuditLog;
import org.rebound.impact.AvailabilityChange;
import org.rebound.impact.ImpactModel;
import org.rebound.impact.ImpactTracker;
import org.rebound.impact.ProcessState;
import org.rebound.impact.StateChange;
import org.rebound.impact.persistence.ScenarioActivations;
import org.rebound.impact.persistence.ScenarioActivations.Activation;
import org.rebound.impact.persistence.StateEventStore;
import org.rebound.impact.persistence.StateEventStore.StateEvent;
import org.rebound.model.BusinessProcess;
import org.rebound.model.Enterprise;
import org.rebound.model.EnterpriseSystem;
import org.rebound.model.Scenario;
import org.rebound.model.SystemState;
import org.rebound.model.application.ImportOutcome;
import org.rebound.model.application.ModelImports;
import org.rebound.model.io.ModelLoad;
import org.rebound.model.io.ModelReader;
import org.rebound.model.persistence.ModelStore;
import org.rebound.model.persistence.ModelStore.StoredModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The live incident. Holds the current model and an {@link ImpactTracker} replayed from the state
 * event log, applies new state changes incrementally, and answers what the business is losing now.
 * All writes are audited in the same transaction as the change. Safe for concurrent use.
 *
 * <p>Another process may write to the same database (a second server on PostgreSQL, or the CLI):
 * {@link #refreshIfChanged()} notices and reloads.
 */
public final class ImpactService {

    private static final Logger log = LoggerFactory.getLogger(ImpactService.class);
    private static final int MAX_REASON = 2000;

    private final ModelStore models;
    private final ModelImports imports;
    private final StateEventStore events;
    private final ScenarioActivations activations;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Consumer<ImpactChanged> publisher;

    private volatile @Nullable Loaded loaded;
    private volatile @Nullable CachedSituation cachedSituation;

    /** The picture computed for one state of the incident within one second of the clock. */
    private record CachedSituation(Loaded basis, Instant second, Situation situation) {
    }

    /** What is loaded: the model version, the incident, the tracker and the last event replayed. */
    private record Loaded(StoredModel model, Enterprise enterprise, ImpactModel impactModel,
                          @Nullable Activation incident, ImpactTracker tracker, long lastEventId,
                          Map<String, StateEvent> lastChange, List<StateChange> changes, int ignoredEvents) {
    }

    /**
     * What planning starts from: the model in force, the incident, when loss is counted from, and
     * every state change of the model's systems in time order.
     */
    public record IncidentBasis(StoredModel model, Enterprise enterprise, @Nullable Activation incident, Instant origin,
                                List<StateChange> history) {
        public IncidentBasis {
            history = List.copyOf(history);
        }
    }

    public ImpactService(ModelStore models, ModelImports imports, StateEventStore events, ScenarioActivations activations,
                         AuditLog audit, TransactionTemplate transactions, Clock clock, Consumer<ImpactChanged> publisher) {
        this.models = models;
        this.imports = imports;
        this.events = events;
        this.activations = activations;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.publisher = publisher;
        reload();
    }

    /** The picture now, or empty while no model has been imported. */
    public Optional<Situation> situation() {
        // Every open dashboard asks on every event; they share one computation per change and second.
        Instant second = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        CachedSituation cached = cachedSituation;
        if (cached != null && cached.basis() == loaded && cached.second().equals(second)) {
            return Optional.of(cached.situation());
        }
        return computeSituation(second);
    }

    private synchronized Optional<Situation> computeSituation(Instant second) {
        if (loaded == null) {
            return Optional.empty();
        }
        Instant now = now(loaded);
        ImpactTracker tracker = loaded.tracker();
        List<SystemStatus> systems = new ArrayList<>(loaded.enterprise().systems().size());
        for (EnterpriseSystem system : loaded.enterprise().systems()) {
            StateEvent last = loaded.lastChange().get(system.id());
            boolean available = tracker.isAvailable(system.id());
            List<String> causes = available ? List.of()
                    : tracker.rootCauses(system.id()).stream().map(chain -> chain.get(chain.size() - 1)).toList();
            systems.add(new SystemStatus(system.id(), system.name(), system.site(), system.kind().id(), system.skill(),
                    tracker.state(system.id()), available,
                    last == null ? null : last.occurredAt(), last == null ? null : last.reason(),
                    last == null ? null : last.actor(), causes));
        }
        Situation situation = new Situation(loaded.model(), loaded.enterprise(), loaded.incident(),
                tracker.reportAt(now), systems, loaded.ignoredEvents());
        cachedSituation = new CachedSituation(loaded, second, situation);
        return Optional.of(situation);
    }

    /** The basis for planning the recovery, or empty while no model has been imported. */
    public synchronized Optional<IncidentBasis> basis() {
        if (loaded == null) {
            return Optional.empty();
        }
        return Optional.of(new IncidentBasis(loaded.model(), loaded.enterprise(), loaded.incident(), loaded.tracker().start(),
                loaded.changes()));
    }

    /** The chains from a system to each root cause of its unavailability; empty when available or unknown. */
    public synchronized List<List<String>> rootCauseChains(String systemId) {
        if (loaded == null || !loaded.impactModel().hasSystem(systemId)) {
            return List.of();
        }
        return loaded.tracker().rootCauses(systemId);
    }

    /** The recorded state changes of one system, newest first. */
    public List<StateEvent> history(String systemId) {
        return events.forSystem(systemId);
    }

    /** Loss and backlogs from the incident start to now, at {@code points} evenly spaced instants. */
    public synchronized List<SeriesPoint> series(int points) {
        if (loaded == null || points < 2) {
            return List.of();
        }
        ImpactTracker tracker = loaded.tracker();
        Instant start = tracker.start();
        Instant end = now(loaded);
        Duration step = Duration.between(start, end).dividedBy(points - 1);
        List<SeriesPoint> series = new ArrayList<>(points);
        for (int i = 0; i < points; i++) {
            Instant at = i == points - 1 ? end : start.plus(step.multipliedBy(i));
            double rate = 0;
            for (BusinessProcess process : loaded.enterprise().processes()) {
                rate += ImpactTracker.lossRate(process, tracker.stateAt(process.id(), at));
            }
            Map<String, Double> backlogs = new LinkedHashMap<>();
            for (var backlog : loaded.enterprise().backlogs()) {
                backlogs.put(backlog.id(), tracker.backlogLevel(backlog.id(), at));
            }
            series.add(new SeriesPoint(at, rate, tracker.lossBetween(start, at), backlogs));
        }
        return series;
    }

    /**
     * The incident's impact from its start until now, for reports: {@code points} points of the loss
     * curve, every process that was not up at some time, and per UTC day the most processes down and
     * degraded at any hour. Empty while no model has been imported.
     */
    public synchronized Optional<ImpactHistory> history(int points) {
        if (loaded == null) {
            return Optional.empty();
        }
        ImpactTracker tracker = loaded.tracker();
        Instant start = tracker.start();
        Instant end = now(loaded);
        List<ImpactHistory.ProcessHistory> processes = new ArrayList<>();
        for (BusinessProcess process : loaded.enterprise().processes()) {
            var outages = tracker.outages(process.id());
            if (!outages.isEmpty()) {
                processes.add(new ImpactHistory.ProcessHistory(process.id(), process.name(), process.site(), outages,
                        tracker.lossBetween(process.id(), start, end)));
            }
        }
        processes.sort(Comparator.comparingDouble(ImpactHistory.ProcessHistory::loss).reversed());
        List<ImpactHistory.DayCount> days = new ArrayList<>();
        for (LocalDate day = start.atZone(ZoneOffset.UTC).toLocalDate(); !day.atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(end);
             day = day.plusDays(1)) {
            Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            int down = 0;
            int degraded = 0;
            for (Instant at = from.isBefore(start) ? start : from; at.isBefore(from.plus(Duration.ofDays(1))) && !at.isAfter(end);
                 at = at.plus(Duration.ofHours(1))) {
                int downNow = 0;
                int degradedNow = 0;
                for (ImpactHistory.ProcessHistory process : processes) {
                    ProcessState state = tracker.stateAt(process.id(), at);
                    downNow += state == ProcessState.DOWN ? 1 : 0;
                    degradedNow += state == ProcessState.DEGRADED ? 1 : 0;
                }
                down = Math.max(down, downNow);
                degraded = Math.max(degraded, degradedNow);
            }
            days.add(new ImpactHistory.DayCount(day, down, degraded));
        }
        Activation incident = loaded.incident();
        return Optional.of(new ImpactHistory(loaded.enterprise().name(), loaded.enterprise().currency(),
                incident == null ? null : incident.scenario(), start, end, tracker.lossBetween(start, end), series(points),
                processes, days, tracker.reportAt(end).backlogs()));
    }

    /**
     * Records that {@code systemId} entered {@code state}, at {@code occurredAt} (now when null).
     * The reason is required: it is what the incident log and the audit show.
     */
    public synchronized StateChangeOutcome changeState(String systemId, SystemState state, String reason, String actor,
                                                       @Nullable Instant occurredAt) {
        if (loaded == null || !loaded.impactModel().hasSystem(systemId)) {
            return new StateChangeOutcome.UnknownSystem(systemId);
        }
        String why = reason.strip();
        if (why.isEmpty()) {
            return new StateChangeOutcome.Rejected("reason", "say why the state changed; the reason goes in the incident log");
        }
        if (why.length() > MAX_REASON) {
            return new StateChangeOutcome.Rejected("reason", "keep the reason under " + MAX_REASON + " characters");
        }
        Instant recordedAt = clock.instant();
        Instant at = occurredAt == null ? recordedAt : occurredAt;
        if (at.isAfter(recordedAt.plusSeconds(60))) {
            return new StateChangeOutcome.Rejected("occurred_at", "a state change cannot be in the future (" + at + ")");
        }
        SystemState before = loaded.tracker().state(systemId);
        StateEvent event = transactions.execute(status -> {
            StateEvent appended = events.append(systemId, state, why, actor, at, recordedAt);
            audit.record(recordedAt, actor, "system.state", "system/" + systemId,
                    before.id() + " -> " + state.id() + " at " + at + ": " + why);
            return appended;
        });
        AvailabilityChange change;
        if (at.isBefore(loaded.tracker().latest())) {
            reload();
            change = AvailabilityChange.NONE;
        } else {
            change = loaded.tracker().apply(new StateChange(at, systemId, state));
            Map<String, StateEvent> lastChange = new HashMap<>(loaded.lastChange());
            lastChange.put(systemId, event);
            List<StateChange> changes = new ArrayList<>(loaded.changes());
            changes.add(new StateChange(at, systemId, state));
            loaded = new Loaded(loaded.model(), loaded.enterprise(), loaded.impactModel(), loaded.incident(),
                    loaded.tracker(), event.id(), lastChange, changes, loaded.ignoredEvents());
        }
        log.info("system {} {} -> {} by {} ({} systems, {} processes flipped)", systemId, before.id(), state.id(), actor,
                change.systems().size(), change.processes().size());
        publisher.accept(new ImpactChanged(recordedAt, "system " + systemId + " " + state.id()));
        return new StateChangeOutcome.Applied(event, change);
    }

    /** Imports a model file's text; see {@link ModelImports}. */
    public synchronized ImportOutcome importModel(String text, String source, String actor) {
        ImportOutcome outcome = imports.importModel(ModelReader.read(source, text), text, source, actor);
        if (outcome instanceof ImportOutcome.Imported) {
            reload();
            publisher.accept(new ImpactChanged(clock.instant(), "model imported"));
        }
        return outcome;
    }

    /**
     * Declares an incident: the scenario starts at {@code startedAt} and its compromised systems are
     * recorded as compromised then.
     *
     * @throws IllegalArgumentException if no model is loaded or it has no such scenario
     */
    public synchronized Activation startScenario(String scenarioId, Instant startedAt, String actor) {
        if (loaded == null) {
            throw new IllegalArgumentException("import a model before starting a scenario");
        }
        Scenario scenario = loaded.enterprise().scenario(scenarioId)
                .orElseThrow(() -> new IllegalArgumentException("the model has no scenario '" + scenarioId + "'"));
        Instant now = clock.instant();
        long version = loaded.model().version();
        Activation activation = transactions.execute(status -> {
            Activation activated = activations.activate(version, scenario.id(), startedAt, actor, now);
            for (String system : scenario.compromised()) {
                events.append(system, SystemState.COMPROMISED, "compromised in scenario " + scenario.id(), actor, startedAt, now);
            }
            audit.record(now, actor, "incident.start", "scenario/" + scenario.id(),
                    "started at " + startedAt + " with " + scenario.compromised().size() + " systems compromised");
            return activated;
        });
        reload();
        publisher.accept(new ImpactChanged(now, "scenario " + scenario.id() + " started"));
        return activation;
    }

    /** Reloads when another process changed the model, the incident or the event log. */
    public synchronized boolean refreshIfChanged() {
        long version = models.currentVersion();
        long lastEvent = events.latestId();
        Long incident = activations.current().map(Activation::id).orElse(null);
        Long loadedIncident = loaded == null || loaded.incident() == null ? null : loaded.incident().id();
        long loadedVersion = loaded == null ? 0 : loaded.model().version();
        long loadedEvent = loaded == null ? 0 : loaded.lastEventId();
        if (version == loadedVersion && lastEvent == loadedEvent && java.util.Objects.equals(incident, loadedIncident)) {
            return false;
        }
        reload();
        publisher.accept(new ImpactChanged(clock.instant(), "changed by another Rebound process"));
        return true;
    }

    private void reload() {
        Optional<StoredModel> stored = models.current();
        if (stored.isEmpty()) {
            loaded = null;
            return;
        }
        ModelLoad load = ModelReader.read("model version " + stored.get().version(), stored.get().document());
        if (!(load instanceof ModelLoad.Loaded valid)) {
            throw new IllegalStateException("stored model version " + stored.get().version() + " no longer loads: " + load.problems());
        }
        Enterprise enterprise = valid.enterprise();
        ImpactModel impactModel = ImpactModel.of(enterprise);
        Activation incident = activations.current().orElse(null);
        List<StateEvent> history = events.all();
        List<StateChange> changes = new ArrayList<>(history.size());
        Map<String, StateEvent> lastChange = new HashMap<>();
        int ignored = 0;
        for (StateEvent event : history) {
            if (impactModel.hasSystem(event.system())) {
                changes.add(new StateChange(event.occurredAt(), event.system(), event.state()));
                lastChange.put(event.system(), event);
            } else {
                ignored++;
            }
        }
        Instant start = incident != null ? incident.startedAt()
                : !changes.isEmpty() ? changes.get(0).at() : stored.get().importedAt();
        long lastEventId = history.isEmpty() ? 0 : history.stream().mapToLong(StateEvent::id).max().orElse(0);
        changes.sort(Comparator.comparing(StateChange::at));
        loaded = new Loaded(stored.get(), enterprise, impactModel, incident,
                ImpactTracker.replay(impactModel, start, changes), lastEventId, lastChange, changes, ignored);
        log.info("loaded model version {} ({} systems), {} state changes, incident {}", stored.get().version(),
                enterprise.systems().size(), changes.size(), incident == null ? "none" : incident.scenario());
    }

    private Instant now(Loaded current) {
        Instant now = clock.instant();
        Instant latest = current.tracker().latest();
        return now.isBefore(latest) ? latest : now;
    }
}
