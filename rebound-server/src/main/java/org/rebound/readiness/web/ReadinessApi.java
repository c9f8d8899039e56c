package org.rebound.readiness.web;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rebound.readiness.application.Exercises;
import org.rebound.readiness.view.TabletopView;
import org.rebound.web.ApiProblems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Tabletop exercises over HTTP (docs/readiness.md). */
@RestController
class ReadinessApi {

    /**
     * {@code scenario}: a scenario id of the model or {@code generate:ransomware-identity-erp|ot-network|supplier-outage};
     * {@code faster_system} and {@code speed_up}: a variant in which that system recovers in that share of the time.
     */
    record ExerciseBody(@Nullable String scenario, @Nullable String fasterSystem, @Nullable Double speedUp, @Nullable Integer samples) {
    }

    record ExerciseView(TabletopView exercise, TabletopView.@Nullable ComparisonView comparison) {
    }

    private final Exercises exercises;

    ReadinessApi(Exercises exercises) {
        this.exercises = exercises;
    }

    @PostMapping("/api/readiness/exercises")
    ResponseEntity<?> play(@RequestBody ExerciseBody body) {
        if (body.scenario() == null || body.scenario().isBlank()) {
            return ResponseEntity.badRequest().body(ApiProblems.badRequest("scenario", "required: one of " + String.join(", ", exercises.choices())));
        }
        Exercises.Outcome outcome = exercises.play(new Exercises.Request(body.scenario(), body.fasterSystem(),
                body.speedUp() == null ? 0.25 : body.speedUp(), body.samples() == null ? 1_000 : body.samples()));
        if (outcome instanceof Exercises.Outcome.Refused refused) {
            var problem = ApiProblems.badRequest("scenario", refused.reasons().get(0));
            problem.setProperty("problems", refused.reasons().stream().map(reason -> Map.of("field", "scenario", "message", reason)).toList());
            return ResponseEntity.badRequest().body(problem);
        }
        Exercises.Played played = ((Exercises.Outcome.Done) outcome).played();
        return ResponseEntity.ok(new ExerciseView(TabletopView.of(played.enterprise(), played.result()),
                played.comparison() == null ? null : TabletopView.ComparisonView.of(played.comparison())));
    }

}
