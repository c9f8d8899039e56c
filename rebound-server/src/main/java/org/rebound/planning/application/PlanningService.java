package org.rebound.planning.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.rebound.audit.AuditLog;
import org.rebound.impact.application.ImpactService;
import org.rebound.impact.application.ImpactService.IncidentBasis;
import org.rebound.model.Enterprise;
import org.rebound.model.EnterpriseSystem;
import org.rebound.planning.ActivityKey;
import org.rebound.planning.ActivityKind;
import org.rebound.planning.ActivityProgress;
import org.rebound.planning.MonteCarloForecast;
import org.rebound.planning.Plan;
import org.rebound.planning.PlanOutcome;
import org.rebound.planning.Planner;
import org.rebound.planning.PlanningEngine;
import org.rebound.planning.PlanningRequest;
import org.rebound.planning.SolveSettings;
import org.rebound.planning.UserConstraints;
import org.rebound.planning.persistence.ActivityEventStore;
import org.rebound.planning.persistence.ActivityEventStore.ActivityEvent;
import org.rebound.planning.persistence.PlanStore;
import org.rebound.planning.persistence.PlanStore.StoredPlan;
import org.rebound.planning.view.PlanView;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plans the recovery of the live incident from what is known now: the model, the state changes,
 * the progress teams reported, and the constraints given with the request. Each plan is stored as a
 * version with who asked for it and why, audited and announced.
 */
public final class PlanningService {

    /** Longest search a request may ask for: a plan is computed while the requester waits. */
    public static final Duration MAX_TIME_LIMIT = Duration.ofSeconds(60);
    /**
     * Assumed remaining work of an activity that has overrun its estimate and whose team said nothing.
     * Otherwise the remaining work is the estimate less the time since it started, in quarter hours.
     */
    static final Duration OVERRUN_ALLOWANCE = Duration.ofHours(1);

    private final ImpactService impact;
    private final PlanStore plans;
    private final ActivityEventStore activities;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final JsonMapper json;
    private final Consumer<PlanComputed> publisher;

    private record CachedPlan(long id, PlanView view) {
    }

    private volatile @Nullable CachedPlan cachedLatest;

    public PlanningService(ImpactService impact, PlanStore plans, ActivityEventStore activities, AuditLog audit,
                           TransactionTemplate transactions, Clock clock, JsonMapper json, Consumer<PlanComputed> publisher) {
        this.impact = impact;
        this.plans = plans;
        this.activities = activities;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.json = json;
        this.publisher = publisher;
    }

    /** Computes and stores a new plan of the live incident. */
    public PlanningOutcome replan(String engineName, Duration timeLimit, int threads, UserConstraints constraints, String reason,
                                  String actor) {
        Optional<PlanningEngine> engine = Planner.named(engineName);
        if (engine.isEmpty()) {
            return new PlanningOutcome.Rejected("engine", "use heuristic or cpsat, not '" + engineName + "'");
        }
        if (timeLimit.isNegative() || timeLimit.isZero() || timeLimit.compareTo(MAX_TIME_LIMIT) > 0) {
            return new PlanningOutcome.Rejected("time_limit", "must be between 1s and " + MAX_TIME_LIMIT.toSeconds() + "s");
        }
        if (threads < 1 || threads > Runtime.getRuntime().availableProcessors()) {
            return new PlanningOutcome.Rejected("threads", "must be between 1 and " + Runtime.getRuntime().availableProcessors());
        }
        if (reason.isBlank()) {
            return new PlanningOutcome.Rejected("reason", "say why a new plan is needed; it is kept with the plan");
        }
        Optional<IncidentBasis> basis = impact.basis();
        if (basis.isEmpty()) {
            return new PlanningOutcome.Rejected("model", "import a model before planning");
        }
        Instant now = clock.instant();
        Enterprise enterprise = basis.get().enterprise();
        PlanningRequest request = new PlanningRequest(enterprise, basis.get().origin(), basis.get().history(), now,
                progress(enterprise, now), constraints);
        SolveSettings settings = new SolveSettings(timeLimit, threads, 1);
        PlanOutcome outcome = engine.get().plan(request, settings);
        if (outcome instanceof PlanOutcome.Infeasible infeasible) {
            return new PlanningOutcome.Infeasible(infeasible.reasons());
        }
        Plan plan = ((PlanOutcome.Planned) outcome).plan();
        var forecast = MonteCarloForecast.forecast(request, plan, MonteCarloForecast.DEFAULT_SAMPLES, 1);
        String scenario = basis.get().incident() == null ? null : basis.get().incident().scenario();
        PlanView view = PlanView.of(enterprise.name(), enterprise.currency(), scenario, plan, forecast);
        String document = json.writeValueAsString(view);
        StoredPlan stored = transactions.execute(status -> {
            StoredPlan saved = plans.save(basis.get().model().version(), now, actor, reason.strip(), plan.engine(), plan.objective(), document);
            audit.record(now, actor, "plan.compute", "plan/" + saved.id(), plan.engine() + " plan: loss " + Math.round(plan.objective())
                    + ", all back " + plan.allBack() + "; " + reason.strip());
            return saved;
        });
        publisher.accept(new PlanComputed(stored.id(), now, reason.strip()));
        return new PlanningOutcome.Planned(stored, view);
    }

    /**
     * The current plan. Every open dashboard asks for it on every update, so the parsed plan is kept
     * until a newer one is stored, by this process or by another sharing the database.
     */
    public Optional<PlanView> latest() {
        long latestId = plans.latestId();
        CachedPlan cached = cachedLatest;
        if (cached != null && cached.id() == latestId) {
            return Optional.of(cached.view());
        }
        if (latestId == 0) {
            return Optional.empty();
        }
        Optional<PlanView> latest = plans.find(latestId).map(this::view);
        latest.ifPresent(view -> cachedLatest = new CachedPlan(latestId, view));
        return latest;
    }

    public Optional<PlanView> find(long id) {
        return plans.find(id).map(this::view);
    }

    public List<StoredPlan> history(int limit) {
        return plans.history(limit);
    }

    public PlanView view(StoredPlan stored) {
        return json.readValue(stored.document(), PlanView.class);
    }

    /**
     * Records that a team started or finished an activity. Returns why not when the activity or
     * team is unknown, or the report contradicts itself.
     */
    public Optional<String> recordProgress(String system, ActivityKind kind, String status, String team,
                                           @Nullable Instant occurredAt, @Nullable Duration remaining, String actor) {
        Optional<IncidentBasis> basis = impact.basis();
        if (basis.isEmpty()) {
            return Optional.of("import a model first");
        }
        Enterprise enterprise = basis.get().enterprise();
        Optional<EnterpriseSystem> known = enterprise.system(system);
        if (known.isEmpty()) {
            return Optional.of("no system '" + system + "'");
        }
        if (enterprise.teams().stream().noneMatch(candidate -> candidate.id().equals(team))) {
            return Optional.of("no team '" + team + "'");
        }
        if (!status.equals(ActivityEventStore.STARTED) && !status.equals(ActivityEventStore.FINISHED)) {
            return Optional.of("status must be started or finished, not '" + status + "'");
        }
        if (remaining != null && (remaining.isNegative() || !status.equals(ActivityEventStore.STARTED))) {
            return Optional.of("remaining work applies to a started activity and must not be negative");
        }
        Instant now = clock.instant();
        Instant at = occurredAt == null ? now : occurredAt;
        if (at.isAfter(now.plusSeconds(60))) {
            return Optional.of("progress cannot be reported for the future (" + at + ")");
        }
        ActivityEvent event = new ActivityEvent(system, kind, status, team, at, remaining, actor);
        transactions.executeWithoutResult(transaction -> {
            activities.append(event, now);
            audit.record(now, actor, "activity." + status, "activity/" + system + "/" + kind.id(),
                    team + " " + status + " " + kind.id() + " of " + system + " at " + at
                            + (remaining == null ? "" : ", " + remaining.toMinutes() + " minutes to go"));
        });
        return Optional.empty();
    }

    /** Where each activity stands now, from the latest report about it. */
    Map<ActivityKey, ActivityProgress> progress(Enterprise enterprise, Instant now) {
        Map<ActivityKey, ActivityProgress> progress = new HashMap<>();
        Map<ActivityKey, Instant> started = new HashMap<>();
        for (ActivityEvent event : activities.all()) {
            if (event.occurredAt().isAfter(now) || enterprise.system(event.system()).isEmpty()) {
                continue;
            }
            ActivityKey key = new ActivityKey(event.system(), event.kind());
            if (event.status().equals(ActivityEventStore.STARTED)) {
                started.put(key, event.occurredAt());
                Duration remaining = event.remaining() != null ? event.remaining() : expectedRemaining(enterprise, key, event.occurredAt(), now);
                progress.put(key, new ActivityProgress.InProgress(event.team(), event.occurredAt(), remaining));
            } else {
                progress.put(key, new ActivityProgress.Done(event.team(), started.getOrDefault(key, event.occurredAt()), event.occurredAt()));
            }
        }
        return progress;
    }

    private static Duration expectedRemaining(Enterprise enterprise, ActivityKey key, Instant start, Instant now) {
        var recovery = enterprise.system(key.system()).orElseThrow().recovery();
        Duration likely = recovery == null ? Duration.ZERO : key.kind().likely(recovery);
        Duration left = likely.minus(Duration.between(start, now));
        if (left.compareTo(Duration.ZERO) <= 0) {
            return OVERRUN_ALLOWANCE;
        }
        long quarters = (left.toMinutes() + 14) / 15;
        return Duration.ofMinutes(15 * quarters);
    }
}
