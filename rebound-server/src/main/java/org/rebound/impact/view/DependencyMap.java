package org.rebound.impact.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rebound.impact.ProcessImpact;
import org.rebound.impact.application.Situation;
import org.rebound.impact.application.SystemStatus;
import org.rebound.model.BusinessProcess;
import org.rebound.model.EnterpriseSystem;

/**
 * Systems and processes as a layered graph, as JSON: each node with its state and a column and row to
 * draw it at, each link from a system to what needs it. Columns follow the dependencies, so that the
 * eye reads the cause on the left and the business consequence on the right: a system with no
 * dependencies is in column 0, any other one column right of its deepest dependency, and every
 * process in the last column. Rows order each column by site, then id. A node is known by its type
 * and id together: a system and a process may have the same id.
 *
 * @param columns how many columns there are
 * @param rows    how many rows the tallest column has
 */
public record DependencyMap(List<Node> nodes, List<Link> links, int columns, int rows) {

    /**
     * A system or a process.
     *
     * @param type      {@code system} or {@code process}
     * @param state     a system's state ({@code compromised}, {@code restored}, ...) or a process's ({@code up}, {@code degraded}, {@code down})
     * @param available whether the system is usable now, or whether the process is fully up
     * @param causes    for an unavailable system, the systems out of action in their own right that it waits on
     */
    public record Node(String id, String name, String type, @Nullable String site, String state, boolean available,
                       int column, int row, List<String> causes) {
    }

    /**
     * The system {@code source} is needed by {@code target}: a dependency of a system, or a requirement of
     * a process. A system and a process may share an id, so {@code target_type} says which it is.
     */
    public record Link(String source, String target, String targetType) {
    }

    public static DependencyMap of(Situation situation) {
        Map<String, EnterpriseSystem> systems = new HashMap<>();
        situation.enterprise().systems().forEach(system -> systems.put(system.id(), system));
        Map<String, Integer> depth = new HashMap<>();
        systems.keySet().forEach(id -> depthOf(id, systems, depth));
        int processColumn = depth.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;

        List<Node> nodes = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        Map<Integer, Integer> nextRow = new HashMap<>();
        List<SystemStatus> ordered = situation.systems().stream()
                .sorted(Comparator.comparing((SystemStatus system) -> depth.get(system.id()))
                        .thenComparing(system -> system.site() == null ? "" : system.site())
                        .thenComparing(SystemStatus::id))
                .toList();
        for (SystemStatus system : ordered) {
            int column = depth.get(system.id());
            nodes.add(new Node(system.id(), system.name(), "system", system.site(), system.state().id(), system.available(),
                    column, nextRow.merge(column, 1, Integer::sum) - 1, system.rootCauses()));
            systems.get(system.id()).dependsOn().forEach(dependency -> links.add(new Link(dependency, system.id(), "system")));
        }
        Map<String, BusinessProcess> processes = new HashMap<>();
        situation.enterprise().processes().forEach(process -> processes.put(process.id(), process));
        List<ProcessImpact> orderedProcesses = situation.report().processes().stream()
                .sorted(Comparator.comparing((ProcessImpact process) -> process.site() == null ? "" : process.site())
                        .thenComparing(ProcessImpact::id))
                .toList();
        for (ProcessImpact process : orderedProcesses) {
            nodes.add(new Node(process.id(), process.name(), "process", process.site(), process.state().id(),
                    process.state() == org.rebound.impact.ProcessState.UP, processColumn, nextRow.merge(processColumn, 1, Integer::sum) - 1,
                    process.unavailableRequirements()));
            processes.get(process.id()).requires().systems().stream().sorted()
                    .forEach(system -> links.add(new Link(system, process.id(), "process")));
        }
        int rows = nextRow.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return new DependencyMap(nodes, links, processColumn + 1, rows);
    }

    /** The model is validated acyclic, so the recursion ends; memoised, it visits each system once. */
    private static int depthOf(String id, Map<String, EnterpriseSystem> systems, Map<String, Integer> depth) {
        Integer known = depth.get(id);
        if (known != null) {
            return known;
        }
        int deepest = -1;
        for (String dependency : systems.get(id).dependsOn()) {
            deepest = Math.max(deepest, depthOf(dependency, systems, depth));
        }
        depth.put(id, deepest + 1);
        return deepest + 1;
    }
}
