package org.rebound.impact;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rebound.model.SystemState;

/**
 * The current state of every system with availability kept up to date incrementally: a state
 * change walks only the systems downstream of the changed one and the processes that require them,
 * so its cost is proportional to what it affects, not to the size of the enterprise. Not thread-safe.
 */
public final class LiveImpact {

    private final ImpactModel model;
    private final SystemState[] states;
    private final boolean[] available;
    /** Per system: how many of its hard dependencies are unavailable. */
    private final int[] unavailableDependencies;
    /** Per clause: how many of its members are available. */
    private final int[] availableMembers;
    /** Per process: how many of its clauses are not satisfied. */
    private final int[] unsatisfiedClauses;

    private LiveImpact(ImpactModel model, SystemState[] states) {
        this.model = model;
        this.states = states;
        Availability full = Availability.compute(model, states);
        available = new boolean[model.systemCount()];
        unavailableDependencies = new int[model.systemCount()];
        for (int s = 0; s < available.length; s++) {
            available[s] = full.isAvailable(model.systemId(s));
        }
        for (int s = 0; s < available.length; s++) {
            for (int dependency : model.dependsOn[s]) {
                if (!available[dependency]) {
                    unavailableDependencies[s]++;
                }
            }
        }
        availableMembers = new int[model.clauseNeed.length];
        unsatisfiedClauses = new int[model.processCount()];
        for (int clause = 0; clause < availableMembers.length; clause++) {
            for (int member : model.clauseMembers[clause]) {
                if (available[member]) {
                    availableMembers[clause]++;
                }
            }
            if (availableMembers[clause] < model.clauseNeed[clause]) {
                unsatisfiedClauses[model.clauseProcess[clause]]++;
            }
        }
    }

    /** Every system operational. */
    public static LiveImpact allOperational(ImpactModel model) {
        return of(model, Map.of());
    }

    /** The given states; systems not in {@code states} are operational. */
    public static LiveImpact of(ImpactModel model, Map<String, SystemState> states) {
        SystemState[] byIndex = new SystemState[model.systemCount()];
        Arrays.fill(byIndex, SystemState.OPERATIONAL);
        states.forEach((id, state) -> byIndex[model.systemIndex(id)] = state);
        return new LiveImpact(model, byIndex);
    }

    public ImpactModel model() {
        return model;
    }

    /**
     * Puts {@code systemId} into {@code state} and updates everything downstream of it.
     *
     * @return what flipped; {@link AvailabilityChange#NONE} when availability did not change (for
     *     example compromised to isolated)
     * @throws IllegalArgumentException if the model has no such system
     */
    public AvailabilityChange set(String systemId, SystemState state) {
        int system = model.systemIndex(systemId);
        boolean wasOperable = states[system].isOperable();
        states[system] = state;
        if (wasOperable == state.isOperable()) {
            return AvailabilityChange.NONE;
        }
        boolean nowAvailable = state.isOperable() && unavailableDependencies[system] == 0;
        if (nowAvailable == available[system]) {
            return AvailabilityChange.NONE;
        }
        return propagate(system, nowAvailable);
    }

    /**
     * Flips {@code origin} and everything downstream that follows it. All flips of one change go the
     * same way (a system going down can only take others down), so each system flips at most once.
     */
    private AvailabilityChange propagate(int origin, boolean nowAvailable) {
        List<String> systems = new ArrayList<>();
        List<String> processes = new ArrayList<>();
        ArrayDeque<Integer> flipping = new ArrayDeque<>();
        available[origin] = nowAvailable;
        flipping.add(origin);
        int delta = nowAvailable ? 1 : -1;
        while (!flipping.isEmpty()) {
            int system = flipping.poll();
            systems.add(model.systemId(system));
            for (int clause : model.systemClauses[system]) {
                boolean satisfiedBefore = availableMembers[clause] >= model.clauseNeed[clause];
                availableMembers[clause] += delta;
                boolean satisfiedAfter = availableMembers[clause] >= model.clauseNeed[clause];
                if (satisfiedBefore != satisfiedAfter) {
                    int process = model.clauseProcess[clause];
                    boolean upBefore = unsatisfiedClauses[process] == 0;
                    unsatisfiedClauses[process] += satisfiedAfter ? -1 : 1;
                    if (upBefore != (unsatisfiedClauses[process] == 0)) {
                        processes.add(model.processId(process));
                    }
                }
            }
            for (int dependent : model.dependents[system]) {
                unavailableDependencies[dependent] -= delta;
                boolean dependentAvailable = states[dependent].isOperable() && unavailableDependencies[dependent] == 0;
                if (dependentAvailable != available[dependent]) {
                    available[dependent] = dependentAvailable;
                    flipping.add(dependent);
                }
            }
        }
        return new AvailabilityChange(systems, processes);
    }

    public SystemState state(String systemId) {
        return states[model.systemIndex(systemId)];
    }

    public boolean isAvailable(String systemId) {
        return available[model.systemIndex(systemId)];
    }

    public boolean isUp(String processId) {
        return unsatisfiedClauses[model.processIndex(processId)] == 0;
    }

    /** Every system that is not operational, with its state, in model order. */
    public Map<String, SystemState> nonOperational() {
        Map<String, SystemState> result = new LinkedHashMap<>();
        for (int s = 0; s < states.length; s++) {
            if (states[s] != SystemState.OPERATIONAL) {
                result.put(model.systemId(s), states[s]);
            }
        }
        return result;
    }

    /** A snapshot of the current availability. */
    public Availability availability() {
        boolean[] processes = new boolean[model.processCount()];
        for (int p = 0; p < processes.length; p++) {
            processes[p] = unsatisfiedClauses[p] == 0;
        }
        return new Availability(model, available.clone(), processes);
    }

    /**
     * Why a system is unavailable: each system out of action in its own right (compromised, isolated,
     * recovering) that it depends on, directly or through other unavailable systems, with the
     * shortest chain from {@code systemId} to it. Empty when the system is available.
     */
    public List<List<String>> rootCauses(String systemId) {
        int start = model.systemIndex(systemId);
        if (available[start]) {
            return List.of();
        }
        int[] reachedFrom = new int[model.systemCount()];
        Arrays.fill(reachedFrom, -2);
        reachedFrom[start] = -1;
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
        List<List<String>> chains = new ArrayList<>();
        while (!queue.isEmpty()) {
            int system = queue.poll();
            if (!states[system].isOperable()) {
                chains.add(chain(reachedFrom, system));
            }
            for (int dependency : model.dependsOn[system]) {
                if (!available[dependency] && reachedFrom[dependency] == -2) {
                    reachedFrom[dependency] = system;
                    queue.add(dependency);
                }
            }
        }
        return chains;
    }

    private List<String> chain(int[] reachedFrom, int end) {
        List<String> chain = new ArrayList<>();
        for (int at = end; at >= 0; at = reachedFrom[at]) {
            chain.add(0, model.systemId(at));
        }
        return chain;
    }

    /**
     * What a process is waiting on: the unavailable systems of each of its requirements that is not
     * met, in the order the process names them. A redundant group that still has enough systems
     * contributes nothing. Empty when the process is up.
     */
    public List<String> unavailableRequirements(String processId) {
        Set<String> waiting = new LinkedHashSet<>();
        for (int clause : model.processClauses[model.processIndex(processId)]) {
            if (availableMembers[clause] < model.clauseNeed[clause]) {
                for (int member : model.clauseMembers[clause]) {
                    if (!available[member]) {
                        waiting.add(model.systemId(member));
                    }
                }
            }
        }
        return List.copyOf(waiting);
    }
}
