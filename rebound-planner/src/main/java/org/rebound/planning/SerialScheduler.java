package org.rebound.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * The instant engine: a serial schedule generator. Tasks are taken in priority order (a task becomes
 * eligible once the previous step of its system is placed) and each is placed at the earliest time
 * its team has the crew free for its whole duration, on whichever eligible team finishes it first.
 * Several priority rules are tried, then randomised variants of the best; the schedule with the
 * lowest score wins. Deterministic for a given seed.
 */
final class SerialScheduler {

    private static final int WORK_BUDGET = 60_000;

    private final Instance instance;
    private final double[] weight;
    private final int[] remaining;
    private final int[] tail;

    SerialScheduler(Instance instance) {
        this.instance = instance;
        this.weight = systemWeights(instance);
        this.remaining = new int[instance.systemCount()];
        this.tail = new int[instance.taskCount()];
        for (int task = instance.taskCount() - 1; task >= 0; task--) {
            remaining[instance.taskSystem[task]] += instance.duration[task];
        }
        for (int task = 0; task < instance.taskCount(); task++) {
            int total = 0;
            for (int later = task; later >= 0 && instance.taskSystem[later] == instance.taskSystem[task]; later = successor(later)) {
                total += instance.duration[later];
            }
            tail[task] = total;
        }
    }

    private int successor(int task) {
        int next = task + 1;
        return next < instance.taskCount() && instance.predecessor[next] == task ? next : -1;
    }

    /** The best schedule found, or null when pins or limits make every attempt fail. */
    @Nullable Schedule solve(long seed) {
        List<double[]> rules = List.of(
                priorities((system, task) -> weight[system] / Math.max(1, remaining[system])),
                priorities((system, task) -> weight[system] + 1e-9 / Math.max(1, remaining[system])),
                priorities((system, task) -> weight[system] * tail[task]),
                priorities((system, task) -> (weight[system] + 1) / Math.max(1, tail[task])));
        Schedule best = null;
        double[] bestPriorities = null;
        for (double[] rule : rules) {
            Schedule schedule = schedule(rule);
            if (schedule != null && (best == null || schedule.score() < best.score())) {
                best = schedule;
                bestPriorities = rule;
            }
        }
        if (best == null) {
            return null;
        }
        int passes = Math.max(4, Math.min(24, WORK_BUDGET / Math.max(1, instance.taskCount())));
        SplittableRandom random = new SplittableRandom(seed);
        for (int pass = 0; pass < passes; pass++) {
            double[] varied = new double[bestPriorities.length];
            for (int task = 0; task < varied.length; task++) {
                varied[task] = bestPriorities[task] * Math.exp(0.5 * gaussian(random));
            }
            Schedule schedule = schedule(varied);
            if (schedule != null && schedule.score() < best.score()) {
                best = schedule;
                bestPriorities = varied;
            }
        }
        return best;
    }

    /**
     * The naive order a team might follow without a planner: systems in dependency order (what others
     * depend on first), the most critical first among systems at the same depth; one pass.
     */
    @Nullable Schedule naive() {
        int[] depth = new int[instance.systemCount()];
        for (int system : instance.topologicalOrder) {
            for (int dependency : instance.affectedDependencies[system]) {
                depth[system] = Math.max(depth[system], depth[dependency] + 1);
            }
        }
        double heaviest = Arrays.stream(weight).max().orElse(0) + 1;
        return schedule(priorities((system, task) -> -depth[system] * heaviest + weight[system]));
    }

    private interface Rule {
        double priority(int system, int task);
    }

    private double[] priorities(Rule rule) {
        double[] priorities = new double[instance.taskCount()];
        for (int task = 0; task < priorities.length; task++) {
            priorities[task] = rule.priority(instance.taskSystem[task], task);
        }
        return priorities;
    }

    /** One serial pass in the order the priorities give; null when a task cannot be placed. */
    @Nullable Schedule schedule(double[] priority) {
        int tasks = instance.taskCount();
        int[] start = new int[tasks];
        int[] team = new int[tasks];
        int[] end = new int[tasks];
        boolean[] placed = new boolean[tasks];
        int[][] usage = new int[instance.teamIds.length][instance.horizon];
        int[][] siteUsage = new int[instance.siteCap.length][instance.horizon];

        for (int task = 0; task < tasks; task++) {
            if (instance.isFixed(task)) {
                start[task] = 0;
                team[task] = instance.fixedTeam[task];
                end[task] = instance.fixedEnd[task];
                reserve(usage[team[task]], siteUsage, task, 0, end[task]);
                placed[task] = true;
            }
        }
        PriorityQueue<Integer> eligible = new PriorityQueue<>((a, b) -> {
            int byPriority = Double.compare(priority[b], priority[a]);
            return byPriority != 0 ? byPriority : Integer.compare(a, b);
        });
        for (int task = 0; task < tasks; task++) {
            if (!placed[task] && (instance.predecessor[task] < 0 || placed[instance.predecessor[task]])) {
                eligible.add(task);
            }
        }
        while (!eligible.isEmpty()) {
            int task = eligible.poll();
            int predecessor = instance.predecessor[task];
            int ready = Math.max(instance.release[task], predecessor < 0 ? 0 : end[predecessor]);
            int bestTeam = -1;
            int bestStart = -1;
            int bestEnd = Integer.MAX_VALUE;
            for (int candidate : instance.eligibleTeams[task]) {
                int candidateStart = instance.pinned[task] >= 0
                        ? (fits(usage[candidate], siteUsage, task, candidate, instance.pinned[task]) ? instance.pinned[task] : -1)
                        : earliestStart(usage[candidate], siteUsage, task, candidate, ready);
                if (candidateStart < 0) {
                    continue;
                }
                int candidateEnd = instance.calendars[candidate].finish(candidateStart, instance.duration[task]);
                if (candidateEnd >= 0 && candidateEnd < bestEnd) {
                    bestTeam = candidate;
                    bestStart = candidateStart;
                    bestEnd = candidateEnd;
                }
            }
            if (bestTeam < 0) {
                return null;
            }
            start[task] = bestStart;
            team[task] = bestTeam;
            end[task] = bestEnd;
            placed[task] = true;
            reserve(usage[bestTeam], siteUsage, task, bestStart, bestEnd);
            int next = successor(task);
            if (next >= 0) {
                eligible.add(next);
            }
        }
        return new Schedule(instance, start, team);
    }

    private int earliestStart(int[] usage, int[][] siteUsage, int task, int team, int ready) {
        WorkCalendar calendar = instance.calendars[team];
        int start = calendar.nextWorking(ready);
        while (start >= 0) {
            int end = calendar.finish(start, instance.duration[task]);
            if (end < 0) {
                return -1;
            }
            int conflict = conflict(usage, siteUsage, task, team, start, end);
            if (conflict < 0) {
                return start;
            }
            start = calendar.nextWorking(conflict + 1);
        }
        return -1;
    }

    private boolean fits(int[] usage, int[][] siteUsage, int task, int team, int start) {
        WorkCalendar calendar = instance.calendars[team];
        if (!calendar.isWorking(start)) {
            return false;
        }
        int end = calendar.finish(start, instance.duration[task]);
        return end >= 0 && conflict(usage, siteUsage, task, team, start, end) < 0;
    }

    /** The first unit in {@code [start, end)} where the task does not fit, or -1. */
    private int conflict(int[] usage, int[][] siteUsage, int task, int team, int start, int end) {
        int capacity = instance.teamCapacity[team] - instance.crew[task];
        int site = instance.capSite[task];
        for (int unit = start; unit < end; unit++) {
            if (usage[unit] > capacity || (site >= 0 && siteUsage[site][unit] >= instance.siteCap[site])) {
                return unit;
            }
        }
        return -1;
    }

    private void reserve(int[] usage, int[][] siteUsage, int task, int start, int end) {
        int site = instance.capSite[task];
        for (int unit = Math.max(0, start); unit < Math.min(end, usage.length); unit++) {
            usage[unit] += instance.crew[task];
            if (site >= 0) {
                siteUsage[site][unit]++;
            }
        }
    }

    /**
     * How much loss per unit of time a system stands between: the loss rates of the waiting processes
     * that need it directly or through their required systems' dependencies, times its boost.
     */
    static double[] systemWeights(Instance instance) {
        double[] weight = new double[instance.systemCount()];
        boolean[] seen = new boolean[instance.systemCount()];
        List<Integer> stack = new ArrayList<>();
        for (Instance.ProcessTerm process : instance.processes) {
            Arrays.fill(seen, false);
            for (Instance.Clause clause : process.clauses()) {
                for (int member : clause.members()) {
                    stack.add(member);
                }
            }
            while (!stack.isEmpty()) {
                int system = stack.remove(stack.size() - 1);
                if (seen[system]) {
                    continue;
                }
                seen[system] = true;
                weight[system] += Math.max(process.downRate(), process.degradedRate());
                for (int dependency : instance.affectedDependencies[system]) {
                    stack.add(dependency);
                }
            }
        }
        for (int system = 0; system < weight.length; system++) {
            weight[system] *= instance.boost[system];
        }
        return weight;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
