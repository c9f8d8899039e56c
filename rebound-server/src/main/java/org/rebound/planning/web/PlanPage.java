package org.rebound.planning.web;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import org.rebound.impact.application.ImpactService;
import org.rebound.web.Formats;
import org.rebound.model.io.Durations;
import org.rebound.planning.UserConstraints;
import org.rebound.planning.application.PlanningOutcome;
import org.rebound.planning.application.PlanningService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The plan page: the Gantt chart by team, when each process is back, and the re-plan form. */
@Controller
class PlanPage {

    private final PlanningService planning;
    private final ImpactService impact;
    private final Formats formats;

    PlanPage(PlanningService planning, ImpactService impact, Clock clock) {
        this.planning = planning;
        this.impact = impact;
        this.formats = Formats.of(clock);
    }

    @ModelAttribute
    void shared(Model model) {
        model.addAttribute("situation", impact.situation().orElse(null));
    }

    @GetMapping("/plan")
    String page(Model model) {
        details(model);
        return "plan";
    }

    @GetMapping("/plan/details")
    String detailsFragment(Model model) {
        details(model);
        return "plan :: details";
    }

    @PostMapping("/plan/replan")
    String replan(@RequestParam(defaultValue = "cpsat") String engine, @RequestParam(defaultValue = "10s") String timeLimit,
                  @RequestParam(defaultValue = "") String reason, Principal user, Model model) {
        Duration limit = Durations.parse(timeLimit).orElse(Duration.ZERO);
        PlanningOutcome outcome = planning.replan(engine, limit, 1, UserConstraints.none(), reason, user.getName());
        if (outcome instanceof PlanningOutcome.Planned planned) {
            model.addAttribute("message", "Plan " + planned.stored().id() + " computed: loss until all back "
                    + formats.money(planned.plan().objective()) + ".");
        } else if (outcome instanceof PlanningOutcome.Rejected rejected) {
            model.addAttribute("error", "Not planned: " + rejected.field() + " " + rejected.message() + ".");
        } else {
            model.addAttribute("error", "Cannot plan: " + String.join("; ", ((PlanningOutcome.Infeasible) outcome).reasons()));
        }
        return "plan :: replan-result";
    }

    private void details(Model model) {
        model.addAttribute("plan", planning.latest().orElse(null));
        model.addAttribute("history", planning.history(10));
    }
}
