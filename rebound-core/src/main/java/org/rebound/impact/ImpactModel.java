package org.rebound.impact;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rebound.model.BusinessProcess;
import org.rebound.model.Enterprise;
import org.rebound.model.Requirements;

/**
 * An enterprise compiled for fast impact evaluation: systems and processes are numbered, and each
 * process's requirements become clauses "at least {@code need} of these systems are available"
 * ({@code all: [a, b]} is one clause needing 2 of 2; {@code any} needs 1; {@code k_of} needs k).
 */
public final class ImpactModel {

    private final Enterprise enterprise;
    private final String[] systemIds;
    private final Map<String, Integer> systemIndex;
    private final Map<String, Integer> processIndex;
    final int[][] dependsOn;
    final int[][] dependents;
    /** Systems in an order where every system comes after everything it depends on. */
    final int[] topologicalOrder;
    final int[] clauseProcess;
    final int[] clauseNeed;
    final int[][] clauseMembers;
    /** For each system, the clauses it is a member of. */
    final int[][] systemClauses;
    /** For each process, its clauses. */
    final int[][] processClauses;

    private ImpactModel(Enterprise enterprise) {
        this.enterprise = enterprise;
        int systems = enterprise.systems().size();
        systemIds = new String[systems];
        systemIndex = new HashMap<>(systems * 2);
        for (int i = 0; i < systems; i++) {
            systemIds[i] = enterprise.systems().get(i).id();
            if (systemIndex.putIfAbsent(systemIds[i], i) != null) {
                throw new IllegalArgumentException("duplicate system id " + systemIds[i]);
            }
        }
        dependsOn = new int[systems][];
        for (int i = 0; i < systems; i++) {
            dependsOn[i] = indices(enterprise.systems().get(i).dependsOn(), "system " + systemIds[i]);
        }
        dependents = invert(dependsOn);
        topologicalOrder = topologicalOrder();

        List<BusinessProcess> processes = enterprise.processes();
        processIndex = new HashMap<>(processes.size() * 2);
        List<int[]> members = new ArrayList<>();
        List<Integer> needs = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int p = 0; p < processes.size(); p++) {
            BusinessProcess process = processes.get(p);
            if (processIndex.putIfAbsent(process.id(), p) != null) {
                throw new IllegalArgumentException("duplicate process id " + process.id());
            }
            Requirements requires = process.requires();
            String owner = "process " + process.id();
            if (!requires.all().isEmpty()) {
                members.add(indices(requires.all(), owner));
                needs.add(requires.all().size());
                owners.add(p);
            }
            for (List<String> group : requires.any()) {
                members.add(indices(group, owner));
                needs.add(1);
                owners.add(p);
            }
            for (Requirements.KOf group : requires.kOf()) {
                members.add(indices(group.of(), owner));
                needs.add(group.k());
                owners.add(p);
            }
        }
        clauseMembers = members.toArray(int[][]::new);
        clauseNeed = needs.stream().mapToInt(Integer::intValue).toArray();
        clauseProcess = owners.stream().mapToInt(Integer::intValue).toArray();
        int[][] ownerOfClause = new int[clauseProcess.length][];
        for (int clause = 0; clause < clauseProcess.length; clause++) {
            ownerOfClause[clause] = new int[] {clauseProcess[clause]};
        }
        processClauses = invert(ownerOfClause, processes.size());
        systemClauses = invert(clauseMembers, systems);
    }

    /**
     * Compiles {@code enterprise}, which must be valid (every reference resolves, no dependency cycle).
     *
     * @throws IllegalArgumentException naming the first broken reference or a system on a cycle
     */
    public static ImpactModel of(Enterprise enterprise) {
        return new ImpactModel(enterprise);
    }

    public Enterprise enterprise() {
        return enterprise;
    }

    public int systemCount() {
        return systemIds.length;
    }

    public int processCount() {
        return processClauses.length;
    }

    String systemId(int index) {
        return systemIds[index];
    }

    String processId(int index) {
        return enterprise.processes().get(index).id();
    }

    int systemIndex(String id) {
        Integer index = systemIndex.get(id);
        if (index == null) {
            throw new IllegalArgumentException("unknown system '" + id + "' in " + enterprise.name());
        }
        return index;
    }

    int processIndex(String id) {
        Integer index = processIndex.get(id);
        if (index == null) {
            throw new IllegalArgumentException("unknown process '" + id + "' in " + enterprise.name());
        }
        return index;
    }

    public boolean hasSystem(String id) {
        return systemIndex.containsKey(id);
    }

    private int[] indices(List<String> ids, String owner) {
        int[] result = new int[ids.size()];
        for (int i = 0; i < result.length; i++) {
            Integer index = systemIndex.get(ids.get(i));
            if (index == null) {
                throw new IllegalArgumentException(owner + " refers to unknown system '" + ids.get(i) + "'");
            }
            result[i] = index;
        }
        return result;
    }

    private static int[][] invert(int[][] edges) {
        return invert(edges, edges.length);
    }

    private static int[][] invert(int[][] edges, int targets) {
        int[] counts = new int[targets];
        for (int[] row : edges) {
            for (int target : row) {
                counts[target]++;
            }
        }
        int[][] inverse = new int[targets][];
        for (int i = 0; i < targets; i++) {
            inverse[i] = new int[counts[i]];
            counts[i] = 0;
        }
        for (int source = 0; source < edges.length; source++) {
            for (int target : edges[source]) {
                inverse[target][counts[target]++] = source;
            }
        }
        return inverse;
    }

    private int[] topologicalOrder() {
        int systems = systemIds.length;
        int[] pending = new int[systems];
        ArrayDeque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < systems; i++) {
            pending[i] = dependsOn[i].length;
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        int[] order = new int[systems];
        int placed = 0;
        while (!ready.isEmpty()) {
            int next = ready.poll();
            order[placed++] = next;
            for (int dependent : dependents[next]) {
                if (--pending[dependent] == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (placed < systems) {
            for (int i = 0; i < systems; i++) {
                if (pending[i] > 0) {
                    throw new IllegalArgumentException("system " + systemIds[i] + " is on a dependency cycle");
                }
            }
        }
        return order;
    }
}
