package org.rebound.impact.web;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.rebound.impact.ImpactModel;
import org.rebound.impact.SinglePointsOfFailure;
import org.rebound.impact.SinglePointsOfFailure.SinglePointOfFailure;
import org.rebound.impact.application.ImpactService;
import org.rebound.impact.application.SeriesPoint;
import org.rebound.impact.application.Situation;
import org.rebound.impact.application.StateChangeOutcome;
import org.rebound.impact.application.SystemStatus;
import org.rebound.impact.persistence.ScenarioActivations.Activation;
import org.rebound.impact.persistence.StateEventStore.StateEvent;
import org.rebound.impact.view.ImpactView;
import org.rebound.model.Coded;
import org.rebound.model.SystemState;
import org.rebound.web.ApiProblems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class ImpactApi {

    /** A request to record a state change; {@code occurred_at} defaults to now. */
    record StateChangeRequest(@Nullable String state, @Nullable String reason, @Nullable Instant occurredAt) {
    }

    /** A recorded state change and what it flipped. */
    record StateChangeResult(StateEvent event, List<String> systemsFlipped, List<String> processesFlipped) {
    }

    /** One system with the chains to the causes of its unavailability and its state history, newest first. */
    record SystemDetail(SystemStatus system, List<List<String>> rootCauseChains, List<StateEvent> history) {
    }

    /** A request to declare an incident; {@code started_at} defaults to now. */
    record ScenarioStartRequest(@Nullable Instant startedAt) {
    }

    private final ImpactService impact;
    private final Clock clock;

    ImpactApi(ImpactService impact, Clock clock) {
        this.impact = impact;
        this.clock = clock;
    }

    /** Every process with its state and loss rate now, backlogs, and the loss since the incident started. */
    @GetMapping("/impact")
    ResponseEntity<?> impact() {
        return impact.situation()
                .<ResponseEntity<?>>map(situation -> ResponseEntity.ok(view(situation)))
                .orElseGet(ImpactApi::noModel);
    }

    /** Loss rate, cumulative loss and backlog levels from the incident start to now, at evenly spaced instants. */
    @GetMapping("/impact/series")
    List<SeriesPoint> series(@RequestParam(defaultValue = "60") int points) {
        if (points < 2 || points > 2000) {
            throw new IllegalArgumentException("points: ask for between 2 and 2000 points, got " + points);
        }
        return impact.series(points);
    }

    /** Systems whose loss alone stops a process, costliest first. */
    @GetMapping("/impact/single-points-of-failure")
    ResponseEntity<?> singlePointsOfFailure() {
        return impact.situation()
                .<ResponseEntity<?>>map(situation -> ResponseEntity.ok(
                        SinglePointsOfFailure.find(ImpactModel.of(situation.enterprise()))))
                .orElseGet(ImpactApi::noModel);
    }

    /** Every system with its state; {@code q} filters by id, name, site, kind or state. */
    @GetMapping("/systems")
    List<SystemStatus> systems(@RequestParam(defaultValue = "") String q) {
        return impact.situation().map(situation -> filter(situation.systems(), q)).orElse(List.of());
    }

    @GetMapping("/systems/{id}")
    ResponseEntity<?> system(@PathVariable String id) {
        return impact.situation()
                .flatMap(situation -> situation.systems().stream().filter(system -> system.id().equals(id)).findFirst())
                .<ResponseEntity<?>>map(system -> ResponseEntity.ok(
                        new SystemDetail(system, impact.rootCauseChains(id), impact.history(id))))
                .orElseGet(() -> ResponseEntity.status(404).body(ApiProblems.notFound("no system '" + id + "'")));
    }

    /** Records a state change of a system, with the reason, and returns what it flipped. */
    @PostMapping("/systems/{id}/state")
    ResponseEntity<?> changeState(@PathVariable String id, @RequestBody StateChangeRequest request, Principal user) {
        if (request.state() == null) {
            return ResponseEntity.badRequest().body(ApiProblems.badRequest("state", "missing; one of " + Coded.spellings(SystemState.class)));
        }
        var state = Coded.parse(SystemState.class, request.state());
        if (state.isEmpty()) {
            return ResponseEntity.badRequest().body(ApiProblems.badRequest("state",
                    "unknown state '" + request.state() + "'; one of " + Coded.spellings(SystemState.class)));
        }
        StateChangeOutcome outcome = impact.changeState(id, state.get(), request.reason() == null ? "" : request.reason(),
                user.getName(), request.occurredAt());
        if (outcome instanceof StateChangeOutcome.UnknownSystem unknown) {
            return ResponseEntity.status(404).body(ApiProblems.notFound("no system '" + unknown.system() + "'"));
        }
        if (outcome instanceof StateChangeOutcome.Rejected rejected) {
            return ResponseEntity.badRequest().body(ApiProblems.badRequest(rejected.field(), rejected.message()));
        }
        StateChangeOutcome.Applied applied = (StateChangeOutcome.Applied) outcome;
        return ResponseEntity.ok(new StateChangeResult(applied.event(), applied.change().systems(), applied.change().processes()));
    }

    /** Declares an incident: starts a scenario of the model, its compromised systems going down at the start. */
    @PostMapping("/scenarios/{id}/start")
    Activation startScenario(@PathVariable String id, @RequestBody(required = false) @Nullable ScenarioStartRequest request,
                             Principal user) {
        Instant startedAt = request == null || request.startedAt() == null ? clock.instant() : request.startedAt();
        return impact.startScenario(id, startedAt, user.getName());
    }

    static ImpactView view(Situation situation) {
        List<String> unavailable = situation.systems().stream().filter(system -> !system.available()).map(SystemStatus::id).toList();
        String scenario = situation.incident() == null ? null : situation.incident().scenario();
        return ImpactView.of(situation.report(), scenario, unavailable);
    }

    static List<SystemStatus> filter(List<SystemStatus> systems, String query) {
        String needle = query.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return systems;
        }
        return systems.stream().filter(system -> (system.id() + " " + system.name() + " " + system.site() + " "
                + system.kind() + " " + system.state().id()).toLowerCase(Locale.ROOT).contains(needle)).toList();
    }

    private static ResponseEntity<?> noModel() {
        return ResponseEntity.status(404).body(ApiProblems.notFound("no enterprise model has been imported yet"));
    }
}
