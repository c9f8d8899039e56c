package org.rebound.readiness.web;

import org.jspecify.annotations.Nullable;
import org.rebound.readiness.application.Exercises;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The readiness page: pick a scenario, optionally a faster-recovering system, and see the exercise. */
@Controller
class ReadinessPage {

    private final Exercises exercises;

    ReadinessPage(Exercises exercises) {
        this.exercises = exercises;
    }

    @GetMapping("/readiness")
    String page(@RequestParam(required = false) @Nullable String scenario, @RequestParam(name = "faster", defaultValue = "") String faster,
                @RequestParam(name = "speed_up", defaultValue = "0.25") double speedUp, Model model) {
        model.addAttribute("choices", exercises.choices());
        model.addAttribute("scenario", scenario);
        model.addAttribute("faster", faster);
        model.addAttribute("speedUp", speedUp);
        if (scenario != null && !scenario.isBlank()) {
            Exercises.Outcome outcome = exercises.play(new Exercises.Request(scenario, faster, speedUp, 1_000));
            if (outcome instanceof Exercises.Outcome.Refused refused) {
                model.addAttribute("errors", refused.reasons());
            } else {
                model.addAttribute("played", ((Exercises.Outcome.Done) outcome).played());
            }
        }
        return "readiness";
    }
}
