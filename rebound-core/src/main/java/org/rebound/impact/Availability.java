package org.rebound.impact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.rebound.model.SystemState;

/**
 * Which systems are available and which processes are up, for one assignment of system states.
 * Immutable.
 */
public final class Availability {

    private final ImpactModel model;
    private final boolean[] systems;
    private final boolean[] processes;

    Availability(ImpactModel model, boolean[] systems, boolean[] processes) {
        this.model = model;
        this.systems = systems;
        this.processes = processes;
    }

    /**
     * Evaluates the whole model from scratch: each system in dependency order, then each process.
     * Systems missing from {@code states} are operational.
     */
    public static Availability compute(ImpactModel model, Map<String, SystemState> states) {
        SystemState[] byIndex = new SystemState[model.systemCount()];
        Arrays.fill(byIndex, SystemState.OPERATIONAL);
        states.forEach((id, state) -> byIndex[model.systemIndex(id)] = state);
        return compute(model, byIndex);
    }

    static Availability compute(ImpactModel model, SystemState[] states) {
        boolean[] available = new boolean[model.systemCount()];
        for (int system : model.topologicalOrder) {
            boolean up = states[system].isOperable();
            for (int dependency : model.dependsOn[system]) {
                up &= available[dependency];
            }
            available[system] = up;
        }
        boolean[] processUp = new boolean[model.processCount()];
        Arrays.fill(processUp, true);
        for (int clause = 0; clause < model.clauseNeed.length; clause++) {
            int count = 0;
            for (int member : model.clauseMembers[clause]) {
                if (available[member]) {
                    count++;
                }
            }
            if (count < model.clauseNeed[clause]) {
                processUp[model.clauseProcess[clause]] = false;
            }
        }
        return new Availability(model, available, processUp);
    }

    public boolean isAvailable(String systemId) {
        return systems[model.systemIndex(systemId)];
    }

    public boolean isUp(String processId) {
        return processes[model.processIndex(processId)];
    }

    /** Ids of the processes that are not up, in model order. */
    public List<String> processesNotUp() {
        List<String> notUp = new ArrayList<>();
        for (int p = 0; p < processes.length; p++) {
            if (!processes[p]) {
                notUp.add(model.processId(p));
            }
        }
        return notUp;
    }

    /** Ids of the unavailable systems, in model order. */
    public List<String> unavailableSystems() {
        List<String> unavailable = new ArrayList<>();
        for (int s = 0; s < systems.length; s++) {
            if (!systems[s]) {
                unavailable.add(model.systemId(s));
            }
        }
        return unavailable;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Availability that
                && Arrays.equals(systems, that.systems)
                && Arrays.equals(processes, that.processes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(systems) + Arrays.hashCode(processes);
    }

    @Override
    public String toString() {
        return "Availability[unavailable=" + unavailableSystems() + ", notUp=" + processesNotUp() + "]";
    }
}
