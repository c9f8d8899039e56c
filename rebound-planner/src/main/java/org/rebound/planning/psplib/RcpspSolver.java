package org.rebound.planning.psplib;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.CumulativeConstraint;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.IntervalVar;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.rebound.planning.CpSat;
import org.rebound.planning.SolveSettings;

/**
 * Minimises the makespan of an RCPSP with CP-SAT (fixed-size intervals, one cumulative constraint
 * per resource, precedences), warm-started with a serial schedule generation scheme using the
 * latest-finish-time rule and forward-backward improvement.
 */
public final class RcpspSolver {

    private static final int IMPROVEMENT_PASSES = 20;

    private final RcpspInstance instance;
    private final int jobs;
    private final int horizon;
    private final int[] duration;
    private final int[] earliestStart;
    private final List<List<Integer>> predecessors = new ArrayList<>();

    private RcpspSolver(RcpspInstance instance) {
        this.instance = instance;
        this.jobs = instance.jobs().size();
        this.horizon = instance.serialLength();
        this.duration = instance.jobs().stream().mapToInt(RcpspInstance.Job::duration).toArray();
        for (int job = 0; job < jobs; job++) {
            predecessors.add(new ArrayList<>());
        }
        for (RcpspInstance.Job job : instance.jobs()) {
            for (int successor : job.successors()) {
                predecessors.get(successor - 1).add(job.number() - 1);
            }
        }
        this.earliestStart = new int[jobs];
        for (int job : topologicalOrder()) {
            for (int predecessor : predecessors.get(job)) {
                earliestStart[job] = Math.max(earliestStart[job], earliestStart[predecessor] + duration[predecessor]);
            }
        }
    }

    public static RcpspSolution solve(RcpspInstance instance, SolveSettings settings) {
        return new RcpspSolver(instance).run(settings);
    }

    /** The heuristic alone: a feasible schedule at once. */
    public static RcpspSolution heuristic(RcpspInstance instance) {
        RcpspSolver solver = new RcpspSolver(instance);
        int[] starts = solver.heuristicStarts();
        int makespan = solver.makespan(starts);
        int criticalPath = solver.makespan(solver.earliestStart);
        return new RcpspSolution(instance.name(), makespan, makespan == criticalPath, criticalPath, starts);
    }

    private RcpspSolution run(SolveSettings settings) {
        int[] hint = heuristicStarts();
        CpModel model = CpSat.newModel();
        IntVar[] start = new IntVar[jobs];
        IntervalVar[] interval = new IntervalVar[jobs];
        for (int job = 0; job < jobs; job++) {
            start[job] = model.newIntVar(earliestStart[job], horizon - duration[job], "s" + (job + 1));
            interval[job] = model.newFixedSizeIntervalVar(start[job], duration[job], "j" + (job + 1));
            model.addHint(start[job], hint[job]);
        }
        for (int resource = 0; resource < instance.capacities().length; resource++) {
            CumulativeConstraint cumulative = model.addCumulative(instance.capacities()[resource]);
            for (int job = 0; job < jobs; job++) {
                int demand = instance.jobs().get(job).demands()[resource];
                if (demand > 0 && duration[job] > 0) {
                    cumulative.addDemand(interval[job], demand);
                }
            }
        }
        for (int job = 0; job < jobs; job++) {
            for (int predecessor : predecessors.get(job)) {
                model.addGreaterOrEqual(start[job], com.google.ortools.sat.LinearExpr.affine(start[predecessor], 1, duration[predecessor]));
            }
        }
        IntVar makespan = model.newIntVar(makespan(earliestStart), horizon, "makespan");
        for (int job = 0; job < jobs; job++) {
            model.addGreaterOrEqual(makespan, com.google.ortools.sat.LinearExpr.affine(start[job], 1, duration[job]));
        }
        model.addHint(makespan, makespan(hint));
        model.minimize(makespan);

        CpSolver solver = CpSat.solver(settings);
        CpSolverStatus status = solver.solve(model);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return new RcpspSolution(instance.name(), makespan(hint), false, makespan(earliestStart), hint);
        }
        int[] starts = new int[jobs];
        for (int job = 0; job < jobs; job++) {
            starts[job] = (int) solver.value(start[job]);
        }
        int found = makespan(starts);
        boolean optimal = status == CpSolverStatus.OPTIMAL;
        int bound = optimal ? found : (int) Math.ceil(solver.bestObjectiveBound() - 1e-9);
        return new RcpspSolution(instance.name(), found, optimal, Math.max(bound, makespan(earliestStart)), starts);
    }

    private int makespan(int[] starts) {
        int makespan = 0;
        for (int job = 0; job < jobs; job++) {
            makespan = Math.max(makespan, starts[job] + duration[job]);
        }
        return makespan;
    }

    /** Serial generation by latest finish time, then forward-backward improvement. */
    int[] heuristicStarts() {
        int[] latestFinish = latestFinish(horizon);
        List<Integer> order = new ArrayList<>();
        for (int job = 0; job < jobs; job++) {
            order.add(job);
        }
        order.sort(Comparator.comparingInt((Integer job) -> latestFinish[job]).thenComparingInt(job -> job));
        int[] best = serial(precedenceFeasible(order), false);
        for (int pass = 0; pass < IMPROVEMENT_PASSES; pass++) {
            int[] finishes = new int[jobs];
            for (int job = 0; job < jobs; job++) {
                finishes[job] = best[job] + duration[job];
            }
            List<Integer> backward = new ArrayList<>(order);
            backward.sort(Comparator.comparingInt((Integer job) -> -finishes[job]).thenComparingInt(job -> -job));
            int[] right = serial(backward, true);
            List<Integer> forward = new ArrayList<>(order);
            forward.sort(Comparator.comparingInt((Integer job) -> right[job]).thenComparingInt(job -> job));
            int[] left = serial(forward, false);
            if (makespan(left) >= makespan(best)) {
                break;
            }
            best = left;
        }
        return best;
    }

    /**
     * Places jobs one by one in {@code order}: forward, each at the earliest time its predecessors
     * are done and resources free; or backward, each as late as possible before its successors,
     * shifted back to start at 0.
     */
    private int[] serial(List<Integer> order, boolean backward) {
        int[][] used = new int[instance.capacities().length][horizon + 1];
        int[] start = new int[jobs];
        boolean[] placed = new boolean[jobs];
        for (int job : order) {
            int time;
            if (!backward) {
                time = 0;
                for (int predecessor : predecessors.get(job)) {
                    time = Math.max(time, start[predecessor] + duration[predecessor]);
                }
                while (!fits(used, job, time)) {
                    time++;
                }
            } else {
                int latestEnd = horizon;
                for (int successor : instance.jobs().get(job).successors()) {
                    if (placed[successor - 1]) {
                        latestEnd = Math.min(latestEnd, start[successor - 1]);
                    }
                }
                time = latestEnd - duration[job];
                while (!fits(used, job, time)) {
                    time--;
                }
            }
            start[job] = time;
            placed[job] = true;
            for (int resource = 0; resource < used.length; resource++) {
                for (int unit = time; unit < time + duration[job]; unit++) {
                    used[resource][unit] += instance.jobs().get(job).demands()[resource];
                }
            }
        }
        if (backward) {
            int earliest = java.util.Arrays.stream(start).min().orElse(0);
            for (int job = 0; job < jobs; job++) {
                start[job] -= earliest;
            }
        }
        return start;
    }

    private boolean fits(int[][] used, int job, int time) {
        int[] demands = instance.jobs().get(job).demands();
        for (int resource = 0; resource < used.length; resource++) {
            if (demands[resource] == 0) {
                continue;
            }
            for (int unit = time; unit < time + duration[job]; unit++) {
                if (used[resource][unit] + demands[resource] > instance.capacities()[resource]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Reorders a priority list so that every job comes after its predecessors, keeping priorities otherwise. */
    private List<Integer> precedenceFeasible(List<Integer> priority) {
        List<Integer> ordered = new ArrayList<>();
        boolean[] done = new boolean[jobs];
        while (ordered.size() < jobs) {
            for (int job : priority) {
                if (!done[job] && predecessors.get(job).stream().allMatch(predecessor -> done[predecessor])) {
                    ordered.add(job);
                    done[job] = true;
                    break;
                }
            }
        }
        return ordered;
    }

    private int[] latestFinish(int bound) {
        int[] latest = new int[jobs];
        java.util.Arrays.fill(latest, bound);
        List<Integer> order = topologicalOrder();
        for (int i = order.size() - 1; i >= 0; i--) {
            int job = order.get(i);
            for (int successor : instance.jobs().get(job).successors()) {
                latest[job] = Math.min(latest[job], latest[successor - 1] - duration[successor - 1]);
            }
        }
        return latest;
    }

    private List<Integer> topologicalOrder() {
        int[] pending = new int[jobs];
        for (int job = 0; job < jobs; job++) {
            pending[job] = predecessors.get(job).size();
        }
        List<Integer> order = new ArrayList<>();
        java.util.ArrayDeque<Integer> ready = new java.util.ArrayDeque<>();
        for (int job = 0; job < jobs; job++) {
            if (pending[job] == 0) {
                ready.add(job);
            }
        }
        while (!ready.isEmpty()) {
            int job = ready.poll();
            order.add(job);
            for (int successor : instance.jobs().get(job).successors()) {
                if (--pending[successor - 1] == 0) {
                    ready.add(successor - 1);
                }
            }
        }
        if (order.size() < jobs) {
            throw new IllegalArgumentException(instance.name() + " has a precedence cycle");
        }
        return order;
    }
}
