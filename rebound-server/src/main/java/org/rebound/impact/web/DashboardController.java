package org.rebound.impact.web;

import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rebound.impact.ProcessImpact;
import org.rebound.impact.application.ImpactService;
import org.rebound.impact.application.Situation;
import org.rebound.impact.application.StateChangeOutcome;
import org.rebound.web.Formats;
import org.rebound.web.Pages;
import org.rebound.model.Coded;
import org.rebound.planning.application.PlanningService;
import org.rebound.planning.view.PlanView;
import org.rebound.model.Site;
import org.rebound.model.SystemState;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard: the whole page, and each of its parts on its own so that htmx can reload just the
 * part an event concerns.
 */
@Controller
class DashboardController {

    /** The processes of one site, for the table grouped by site. */
    record SiteProcesses(String site, List<ProcessImpact> processes) {
    }

    private final ImpactService impact;
    private final PlanningService planning;
    private final Formats formats;

    DashboardController(ImpactService impact, PlanningService planning, Clock clock) {
        this.impact = impact;
        this.planning = planning;
        this.formats = Formats.of(clock);
    }

    @ModelAttribute
    void common(Model model, Authentication user) {
        Pages.common(model, user, "dashboard", formats);
        model.addAttribute("states", SystemState.values());
    }

    @GetMapping("/")
    String dashboard(Model model) {
        situation(model);
        return "dashboard";
    }

    @GetMapping("/dashboard/{part:summary|processes|backlogs}")
    String part(@org.springframework.web.bind.annotation.PathVariable String part, Model model) {
        situation(model);
        return "dashboard :: " + part;
    }

    @PostMapping("/systems/state")
    String changeState(@RequestParam String system, @RequestParam String state, @RequestParam(defaultValue = "") String reason,
                       Principal user, Model model) {
        Optional<SystemState> parsed = Coded.parse(SystemState.class, state);
        if (parsed.isEmpty()) {
            model.addAttribute("error", "Choose one of the states listed.");
            return "dashboard :: state-result";
        }
        StateChangeOutcome outcome = impact.changeState(system.strip(), parsed.get(), reason, user.getName(), null);
        if (outcome instanceof StateChangeOutcome.UnknownSystem) {
            model.addAttribute("error", "There is no system '" + system + "'. Pick one from the list.");
        } else if (outcome instanceof StateChangeOutcome.Rejected rejected) {
            model.addAttribute("error", "Not recorded: " + rejected.message() + ".");
        } else {
            var change = ((StateChangeOutcome.Applied) outcome).change();
            model.addAttribute("message", system + " is now " + parsed.get().id() + "."
                    + (change.processes().isEmpty() ? "" : " Processes affected: " + String.join(", ", change.processes()) + "."));
        }
        return "dashboard :: state-result";
    }

    private void situation(Model model) {
        Optional<Situation> current = impact.situation();
        model.addAttribute("situation", current.orElse(null));
        Map<String, PlanView.ProcessView> etas = new HashMap<>();
        planning.latest().ifPresent(plan -> plan.processes().forEach(process -> etas.put(process.process(), process)));
        model.addAttribute("etas", etas);
        current.ifPresent(situation -> model.addAttribute("sites", bySite(situation)));
    }

    private static List<SiteProcesses> bySite(Situation situation) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Site site : situation.enterprise().sites()) {
            names.put(site.id(), site.name());
        }
        Map<String, List<ProcessImpact>> grouped = new LinkedHashMap<>();
        for (ProcessImpact process : situation.report().processes()) {
            String site = process.site() == null ? "Enterprise-wide" : names.getOrDefault(process.site(), process.site());
            grouped.computeIfAbsent(site, key -> new ArrayList<>()).add(process);
        }
        return grouped.entrySet().stream().map(entry -> new SiteProcesses(entry.getKey(), entry.getValue())).toList();
    }
}
