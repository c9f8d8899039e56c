package org.rebound.impact.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.rebound.impact.ProcessImpact;
import org.rebound.impact.application.ImpactService;
import org.rebound.incident.application.IncidentTasks;
import org.rebound.incident.web.IncidentResponses;
import org.rebound.impact.application.Situation;
import org.rebound.impact.application.SystemStatus;
import org.rebound.impact.view.DependencyMap;
import org.rebound.model.SystemState;
import org.rebound.planning.application.PlanningService;
import org.rebound.planning.view.PlanView;
import org.rebound.web.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The systems table, one system's page (why it is down, what restores it, its history), and the
 * dependency map whose side panel shows the same facts for the node clicked.
 */
@Controller
class SystemsController {

    private final ImpactService impact;
    private final PlanningService planning;
    private final IncidentTasks tasks;

    SystemsController(ImpactService impact, PlanningService planning, IncidentTasks tasks) {
        this.impact = impact;
        this.planning = planning;
        this.tasks = tasks;
    }

    @ModelAttribute
    void shared(Model model) {
        model.addAttribute("states", SystemState.values());
    }

    @GetMapping("/systems")
    String systems(@RequestParam(defaultValue = "") String q, Model model) {
        Optional<Situation> situation = impact.situation();
        model.addAttribute("situation", situation.orElse(null));
        model.addAttribute("query", q);
        situation.ifPresent(current -> {
            model.addAttribute("systems", ImpactApi.filter(current.systems(), q).stream()
                    .sorted(Comparator.comparing(SystemStatus::available).thenComparing(SystemStatus::id))
                    .toList());
            model.addAttribute("teams", teamsBySkill(current));
        });
        return "systems";
    }

    @GetMapping("/systems-table")
    String table(@RequestParam(defaultValue = "") String q, Model model) {
        systems(q, model);
        return "systems :: table";
    }

    @GetMapping("/systems/{id}")
    String system(@PathVariable String id, Model model, Authentication user) {
        detail(id, model);
        model.addAttribute("incidentTasks", tasks.forSystem(id, IncidentResponses.caller(user)));
        return "system";
    }

    /** The same facts as the system's page, for the side panel of the map. */
    @GetMapping("/systems/{id}/panel")
    String systemPanel(@PathVariable String id, Model model) {
        detail(id, model);
        return "system :: facts";
    }

    @GetMapping("/processes/{id}/panel")
    String processPanel(@PathVariable String id, Model model) {
        Situation situation = impact.situation().orElseThrow(SystemsController::noModel);
        ProcessImpact process = situation.report().processes().stream().filter(candidate -> candidate.id().equals(id))
                .findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no process '" + id + "'"));
        model.addAttribute("situation", situation);
        model.addAttribute("process", process);
        model.addAttribute("eta", planning.latest().flatMap(plan -> plan.processes().stream()
                .filter(candidate -> candidate.process().equals(id)).findFirst()).orElse(null));
        model.addAttribute("requirements", situation.enterprise().processes().stream().filter(candidate -> candidate.id().equals(id))
                .findFirst().orElseThrow().requires());
        return "map :: process";
    }

    @GetMapping("/map")
    String map(Model model) {
        model.addAttribute("page", "map");
        model.addAttribute("situation", impact.situation().orElse(null));
        return "map";
    }

    @GetMapping(path = "/api/map", produces = "application/json")
    @ResponseBody
    ResponseEntity<?> mapData() {
        return impact.situation()
                .<ResponseEntity<?>>map(situation -> ResponseEntity.ok(DependencyMap.of(situation)))
                .orElseGet(() -> ResponseEntity.status(404).body(ApiProblems.notFound("no enterprise model has been imported yet")));
    }

    private void detail(String id, Model model) {
        Situation situation = impact.situation().orElseThrow(SystemsController::noModel);
        SystemStatus system = situation.systems().stream().filter(candidate -> candidate.id().equals(id)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no system '" + id + "'"));
        var modelled = situation.enterprise().systems().stream().filter(candidate -> candidate.id().equals(id)).findFirst().orElseThrow();
        Map<String, SystemStatus> byId = situation.systems().stream().collect(Collectors.toMap(SystemStatus::id, status -> status));
        model.addAttribute("situation", situation);
        model.addAttribute("system", system);
        model.addAttribute("teams", system.skill() == null ? List.of() : teamsBySkill(situation).getOrDefault(system.skill(), List.of()));
        model.addAttribute("chains", impact.rootCauseChains(id));
        model.addAttribute("dependencies", modelled.dependsOn().stream().map(byId::get).toList());
        model.addAttribute("dependents", situation.enterprise().systems().stream()
                .filter(candidate -> candidate.dependsOn().contains(id)).map(candidate -> byId.get(candidate.id())).toList());
        model.addAttribute("processes", situation.enterprise().processes().stream()
                .filter(process -> process.requires().systems().contains(id)).toList());
        model.addAttribute("activities", planning.latest().map(plan -> plan.activities().stream()
                .filter(activity -> activity.system().equals(id)).toList()).orElse(List.<PlanView.ActivityView>of()));
        model.addAttribute("history", impact.history(id));
    }

    /** The names of the teams that bring each skill. */
    private static Map<String, List<String>> teamsBySkill(Situation situation) {
        return situation.enterprise().teams().stream()
                .flatMap(team -> team.skills().stream().map(skill -> Map.entry(skill, team)))
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(entry -> entry.getValue().name(), Collectors.toList())));
    }

    private static ResponseStatusException noModel() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no enterprise model has been imported yet");
    }
}
