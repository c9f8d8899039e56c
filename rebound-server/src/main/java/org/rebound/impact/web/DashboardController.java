package org.rebound.impact.web;

import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.rebound.impact.ProcessImpact;
import org.rebound.impact.application.ImpactService;
import org.rebound.impact.application.Situation;
import org.rebound.impact.application.StateChangeOutcome;
import org.rebound.web.Formats;
import org.rebound.model.Coded;
import org.rebound.planning.application.PlanningService;
import org.rebound.planning.view.PlanView;
import org.rebound.model.Site;
import org.rebound.model.SystemState;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The dashboard: the whole page, and each of its parts on its own so that htmx can reload just the
 * part an event concerns.
 */
@Controller
class DashboardController {

    /** The processes of one site, for the table grouped by site. */
    record SiteProcesses(String site, List<ProcessImpact> processes) {
    }

    /** The changing parts as last rendered, and for which state of the incident and plan. */
    private record RenderedLive(Situation situation, @Nullable PlanView plan, String html) {
    }

    /** Open dashboards spread their update requests over this long after an event. */
    static final int MAX_UPDATE_DELAY_MILLIS = 1_500;

    private final ImpactService impact;
    private final PlanningService planning;
    private final Formats formats;
    private final ITemplateEngine templates;
    private volatile @Nullable RenderedLive lastLive;

    DashboardController(ImpactService impact, PlanningService planning, Clock clock, ITemplateEngine templates) {
        this.impact = impact;
        this.planning = planning;
        this.formats = Formats.of(clock);
        this.templates = templates;
    }

    @ModelAttribute
    void shared(Model model) {
        model.addAttribute("states", SystemState.values());
    }

    @GetMapping("/")
    String dashboard(Model model) {
        situation(model);
        model.addAttribute("updateDelay", ThreadLocalRandom.current().nextInt(MAX_UPDATE_DELAY_MILLIS));
        return "dashboard";
    }

    @GetMapping("/dashboard/{part:summary|processes|backlogs}")
    String part(@org.springframework.web.bind.annotation.PathVariable String part, Model model) {
        situation(model);
        return "dashboard :: " + part;
    }

    /**
     * The parts that change, in one response, each swapped out of band: the summary, the processes and
     * the backlogs. Every open dashboard asks at once when an event arrives, and the parts are the same for
     * everyone, so they are rendered once per state of the incident and plan (and second of the clock).
     */
    @GetMapping(path = "/dashboard/live", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> live() {
        Optional<Situation> current = impact.situation();
        if (current.isEmpty()) {
            return ResponseEntity.noContent().build();
        }
        PlanView plan = planning.latest().orElse(null);
        RenderedLive last = lastLive;
        if (last != null && last.situation() == current.get() && last.plan() == plan) {
            return ResponseEntity.ok(last.html());
        }
        Context context = new Context(Locale.UK);
        context.setVariable("fmt", formats);
        context.setVariable("oob", "true");
        context.setVariable("situation", current.get());
        context.setVariable("etas", etas(plan));
        context.setVariable("sites", bySite(current.get()));
        String html = templates.process("dashboard-live", context);
        lastLive = new RenderedLive(current.get(), plan, html);
        return ResponseEntity.ok(html);
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
        model.addAttribute("etas", etas(planning.latest().orElse(null)));
        current.ifPresent(situation -> model.addAttribute("sites", bySite(situation)));
    }

    private static Map<String, PlanView.ProcessView> etas(@Nullable PlanView plan) {
        Map<String, PlanView.ProcessView> etas = new HashMap<>();
        if (plan != null) {
            plan.processes().forEach(process -> etas.put(process.process(), process));
        }
        return etas;
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
