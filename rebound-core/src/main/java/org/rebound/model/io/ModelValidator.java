package org.rebound.model.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rebound.model.Backlog;
import org.rebound.model.BusinessProcess;
import org.rebound.model.Enterprise;
import org.rebound.model.EnterpriseSystem;
import org.rebound.model.Requirements;
import org.rebound.model.Scenario;
import org.rebound.model.Site;
import org.rebound.model.Team;

/**
 * Checks the references inside an enterprise: every id names something that exists, ids are unique,
 * {@code depends_on} has no cycle, and every skill is offered by some team.
 */
public final class ModelValidator {

    private static final int MAX_CYCLES_REPORTED = 10;

    private final Enterprise enterprise;
    private final Problems problems;
    private final Set<String> brokenIds;

    private ModelValidator(Enterprise enterprise, Problems problems, Set<String> brokenIds) {
        this.enterprise = enterprise;
        this.problems = problems;
        this.brokenIds = brokenIds;
    }

    /** The problems of an enterprise built in code; they carry field paths but no file positions. */
    public static List<ModelProblem> validate(Enterprise enterprise) {
        Problems problems = new Problems(new SourceMap("(model)"));
        validate(enterprise, problems, Set.of());
        return problems.sorted();
    }

    static void validate(Enterprise enterprise, Problems problems, Set<String> brokenIds) {
        new ModelValidator(enterprise, problems, brokenIds).run();
    }

    private void run() {
        Set<String> sites = ids("sites", enterprise.sites(), Site::id);
        ids("teams", enterprise.teams(), Team::id);
        Set<String> systems = ids("systems", enterprise.systems(), EnterpriseSystem::id);
        Set<String> processes = ids("processes", enterprise.processes(), BusinessProcess::id);
        ids("backlogs", enterprise.backlogs(), Backlog::id);
        ids("scenarios", enterprise.scenarios(), Scenario::id);
        Set<String> skills = enterprise.teams().stream().flatMap(team -> team.skills().stream()).collect(Collectors.toSet());
        boolean teamsComplete = brokenIds.stream().noneMatch(id -> id.startsWith("teams:"));

        for (EnterpriseSystem system : enterprise.systems()) {
            String path = "systems[" + system.id() + "]";
            if (system.site() != null) {
                reference(path + ".site", system.site(), "site", sites);
            }
            if (system.skill() != null && teamsComplete && !skills.contains(system.skill())) {
                problems.error(path + ".skill", "no team has the skill '" + system.skill() + "'"
                        + Suggestions.didYouMean(system.skill(), skills) + "; add it to a team's skills");
            }
            if (system.skill() != null && system.recovery() != null && teamsComplete && skills.contains(system.skill())) {
                int largest = enterprise.teams().stream().filter(team -> team.has(system.skill()))
                        .mapToInt(Team::members).max().orElse(0);
                if (system.recovery().crew() > largest) {
                    problems.error(path + ".recovery.crew", "needs a crew of " + system.recovery().crew()
                            + " but the largest team with the skill '" + system.skill() + "' has " + largest + " members");
                }
            }
            references(path + ".depends_on", system.dependsOn(), "system", systems);
            if (system.dependsOn().contains(system.id())) {
                problems.error(path + ".depends_on", "a system cannot depend on itself");
            }
        }
        for (BusinessProcess process : enterprise.processes()) {
            String path = "processes[" + process.id() + "]";
            if (process.site() != null) {
                reference(path + ".site", process.site(), "site", sites);
            }
            Requirements requires = process.requires();
            references(path + ".requires.all", requires.all(), "system", systems);
            for (int i = 0; i < requires.any().size(); i++) {
                references(path + ".requires.any[" + i + "]", requires.any().get(i), "system", systems);
            }
            for (int i = 0; i < requires.kOf().size(); i++) {
                Requirements.KOf group = requires.kOf().get(i);
                references(path + ".requires.k_of[" + i + "].of", group.of(), "system", systems);
                if (group.k() < 1 || group.k() > group.of().size()) {
                    problems.error(path + ".requires.k_of[" + i + "].k", "k must be between 1 and the "
                            + group.of().size() + " systems listed under 'of', got " + group.k());
                }
            }
        }
        for (Backlog backlog : enterprise.backlogs()) {
            String path = "backlogs[" + backlog.id() + "]";
            reference(path + ".process", backlog.process(), "process", processes);
            if (backlog.clearPerHour() <= backlog.inflowPerHour()) {
                problems.warning(path + ".clear_per_hour", "clears " + NodeReader.format(backlog.clearPerHour())
                        + " per hour but receives " + NodeReader.format(backlog.inflowPerHour())
                        + ": once built up, this backlog never clears");
            }
        }
        for (Scenario scenario : enterprise.scenarios()) {
            String path = "scenarios[" + scenario.id() + "]";
            references(path + ".compromised", scenario.compromised(), "system", systems);
            references(path + ".exfiltrated", scenario.exfiltrated(), "system", systems);
        }
        reportCycles();
    }

    private <T> Set<String> ids(String section, List<T> items, Function<T, String> idOf) {
        Set<String> seen = new HashSet<>();
        for (T item : items) {
            String id = idOf.apply(item);
            if (!seen.add(id)) {
                problems.error(section + "[" + id + "]", "duplicate id '" + id + "' in " + section);
            }
        }
        brokenIds.stream()
                .filter(broken -> broken.startsWith(section + ":"))
                .forEach(broken -> seen.add(broken.substring(section.length() + 1)));
        return seen;
    }

    private void references(String path, List<String> ids, String kind, Set<String> known) {
        Set<String> listed = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (!listed.add(id)) {
                problems.error(path + "[" + i + "]", kind + " '" + id + "' is listed twice");
            }
            reference(path + "[" + i + "]", id, kind, known);
        }
    }

    private void reference(String path, String id, String kind, Set<String> known) {
        if (!known.contains(id)) {
            problems.error(path, "unknown " + kind + " '" + id + "'" + Suggestions.didYouMean(id, known));
        }
    }

    /** Finds cycles in {@code depends_on} with an iterative depth-first search and reports each as a path. */
    private void reportCycles() {
        List<EnterpriseSystem> systems = enterprise.systems();
        Map<String, Integer> index = new HashMap<>(systems.size() * 2);
        for (int i = 0; i < systems.size(); i++) {
            index.putIfAbsent(systems.get(i).id(), i);
        }
        int[][] edges = new int[systems.size()][];
        for (int i = 0; i < systems.size(); i++) {
            edges[i] = systems.get(i).dependsOn().stream()
                    .map(index::get).filter(target -> target != null).mapToInt(Integer::intValue).toArray();
        }
        final byte unvisited = 0;
        final byte onPath = 1;
        final byte finished = 2;
        byte[] colour = new byte[systems.size()];
        int[] pathNodes = new int[systems.size()];
        int[] nextEdge = new int[systems.size()];
        int cycles = 0;
        for (int root = 0; root < systems.size(); root++) {
            if (colour[root] != unvisited) {
                continue;
            }
            int depth = 0;
            pathNodes[0] = root;
            nextEdge[0] = 0;
            colour[root] = onPath;
            while (depth >= 0) {
                int node = pathNodes[depth];
                if (nextEdge[depth] < edges[node].length) {
                    int target = edges[node][nextEdge[depth]++];
                    if (colour[target] == unvisited) {
                        colour[target] = onPath;
                        depth++;
                        pathNodes[depth] = target;
                        nextEdge[depth] = 0;
                    } else if (colour[target] == onPath) {
                        cycles++;
                        if (cycles <= MAX_CYCLES_REPORTED) {
                            reportCycle(systems, pathNodes, depth, target);
                        }
                    }
                } else {
                    colour[node] = finished;
                    depth--;
                }
            }
        }
        if (cycles > MAX_CYCLES_REPORTED) {
            problems.error("systems", (cycles - MAX_CYCLES_REPORTED) + " more dependency cycles not listed");
        }
    }

    private void reportCycle(List<EnterpriseSystem> systems, int[] pathNodes, int depth, int target) {
        int from = depth;
        while (pathNodes[from] != target) {
            from--;
        }
        List<String> cycle = new ArrayList<>();
        for (int i = from; i <= depth; i++) {
            cycle.add(systems.get(pathNodes[i]).id());
        }
        cycle.add(systems.get(target).id());
        problems.error("systems[" + cycle.get(0) + "].depends_on", "dependency cycle: " + String.join(" -> ", cycle));
    }
}
