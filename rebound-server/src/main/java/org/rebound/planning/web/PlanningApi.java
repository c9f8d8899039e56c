package org.rebound.planning.web;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rebound.model.Coded;
import org.rebound.model.io.Durations;
import org.rebound.planning.ActivityKey;
import org.rebound.planning.ActivityKind;
import org.rebound.planning.UserConstraints;
import org.rebound.planning.application.PlanningOutcome;
import org.rebound.planning.application.PlanningService;
import org.rebound.planning.persistence.PlanStore.StoredPlan;
import org.rebound.planning.view.PlanView;
import org.rebound.web.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/plans")
class PlanningApi {

    /** A request for a new plan. Everything but {@code reason} is optional. */
    record ReplanRequest(@Nullable String engine, @Nullable String timeLimit, @Nullable Integer threads, @Nullable String reason,
                         @Nullable List<ActivityTime> pins, @Nullable List<ActivityTime> notBefore,
                         @Nullable Map<String, Integer> siteCaps, @Nullable Map<String, Double> boosts) {
    }

    /** An activity and an instant: a pin or a not-before time. */
    record ActivityTime(@Nullable String system, @Nullable String kind, @Nullable Instant at) {
    }

    /** A stored plan version with the plan. */
    record PlanVersion(long id, Instant createdAt, String createdBy, String reason, PlanView plan) {
    }

    /** A stored plan version without the plan. */
    record PlanSummary(long id, Instant createdAt, String createdBy, String reason, String engine, double objective) {
        static PlanSummary of(StoredPlan stored) {
            return new PlanSummary(stored.id(), stored.createdAt(), stored.createdBy(), stored.reason(), stored.engine(), stored.objective());
        }
    }

    /** A team's report on an activity; {@code remaining} like {@code 3h}, for a started one. */
    record ProgressReport(@Nullable String system, @Nullable String kind, @Nullable String status, @Nullable String team,
                          @Nullable Instant occurredAt, @Nullable String remaining) {
    }

    private final PlanningService planning;

    PlanningApi(PlanningService planning) {
        this.planning = planning;
    }

    /** Plans the recovery of the live incident now and stores the plan as a new version. */
    @PostMapping
    ResponseEntity<?> replan(@RequestBody ReplanRequest request, Principal user) {
        Duration limit = request.timeLimit() == null ? Duration.ofSeconds(10) : Durations.parse(request.timeLimit()).orElse(null);
        if (limit == null) {
            return ResponseEntity.badRequest().body(ApiProblems.badRequest("time_limit", "a duration such as 10s, not '" + request.timeLimit() + "'"));
        }
        UserConstraints constraints;
        try {
            constraints = new UserConstraints(times(request.pins(), "pins"), times(request.notBefore(), "not_before"),
                    request.siteCaps() == null ? Map.of() : request.siteCaps(),
                    request.boosts() == null ? Map.of() : request.boosts());
        } catch (IllegalArgumentException invalid) {
            return ResponseEntity.badRequest().body(ApiProblems.badRequest("constraints", invalid.getMessage()));
        }
        PlanningOutcome outcome = planning.replan(request.engine() == null ? "cpsat" : request.engine(), limit,
                request.threads() == null ? 1 : request.threads(), constraints, request.reason() == null ? "" : request.reason(),
                user.getName());
        if (outcome instanceof PlanningOutcome.Rejected rejected) {
            return ResponseEntity.badRequest().body(ApiProblems.badRequest(rejected.field(), rejected.message()));
        }
        if (outcome instanceof PlanningOutcome.Infeasible infeasible) {
            var problem = ApiProblems.badRequest("constraints", String.join("; ", infeasible.reasons()));
            problem.setTitle("Cannot plan");
            problem.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return ResponseEntity.unprocessableContent().body(problem);
        }
        PlanningOutcome.Planned planned = (PlanningOutcome.Planned) outcome;
        StoredPlan stored = planned.stored();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new PlanVersion(stored.id(), stored.createdAt(), stored.createdBy(), stored.reason(), planned.plan()));
    }

    @GetMapping
    List<PlanSummary> history() {
        return planning.history(100).stream().map(PlanSummary::of).toList();
    }

    @GetMapping("/latest")
    ResponseEntity<?> latest() {
        return planning.latest().<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(404).body(ApiProblems.notFound("no plan has been computed yet")));
    }

    @GetMapping("/{id}")
    ResponseEntity<?> version(@PathVariable long id) {
        return planning.find(id).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(404).body(ApiProblems.notFound("no plan " + id)));
    }

    /** Records that a team started or finished an activity; the next plan keeps it. */
    @PostMapping("/progress")
    ResponseEntity<?> progress(@RequestBody ProgressReport report, Principal user) {
        if (report.system() == null || report.kind() == null || report.status() == null || report.team() == null) {
            return ResponseEntity.badRequest().body(ApiProblems.badRequest("body", "system, kind, status and team are required"));
        }
        Optional<ActivityKind> kind = Coded.parse(ActivityKind.class, report.kind());
        if (kind.isEmpty()) {
            return ResponseEntity.badRequest().body(ApiProblems.badRequest("kind", "one of " + Coded.spellings(ActivityKind.class)));
        }
        Duration remaining = null;
        if (report.remaining() != null) {
            remaining = Durations.parse(report.remaining()).orElse(null);
            if (remaining == null) {
                return ResponseEntity.badRequest().body(ApiProblems.badRequest("remaining", "a duration such as 3h, not '" + report.remaining() + "'"));
            }
        }
        Optional<String> refused = planning.recordProgress(report.system(), kind.get(), report.status(), report.team(),
                report.occurredAt(), remaining, user.getName());
        return refused.<ResponseEntity<?>>map(reason -> ResponseEntity.badRequest().body(ApiProblems.badRequest("progress", reason)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    private static Map<ActivityKey, Instant> times(@Nullable List<ActivityTime> times, String field) {
        Map<ActivityKey, Instant> byActivity = new HashMap<>();
        if (times == null) {
            return byActivity;
        }
        for (ActivityTime time : times) {
            if (time.system() == null || time.kind() == null || time.at() == null) {
                throw new IllegalArgumentException(field + ": each entry needs system, kind and at");
            }
            ActivityKind kind = Coded.parse(ActivityKind.class, time.kind())
                    .orElseThrow(() -> new IllegalArgumentException(field + ": kind must be one of " + Coded.spellings(ActivityKind.class)));
            byActivity.put(new ActivityKey(time.system(), kind), time.at());
        }
        return byActivity;
    }
}
