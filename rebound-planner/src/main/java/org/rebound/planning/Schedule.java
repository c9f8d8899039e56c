package org.rebound.planning;

import java.util.Arrays;

/**
 * A solution of an {@link Instance}: each task's start and team, and what follows from them: task
 * ends, when each unavailable system is back, when each waiting process runs again, and the loss.
 */
final class Schedule {

    final Instance instance;
    final int[] start;
    final int[] team;
    final int[] end;
    final int[] back;
    final int[] restored;

    Schedule(Instance instance, int[] start, int[] team) {
        this.instance = instance;
        this.start = start;
        this.team = team;
        this.end = new int[start.length];
        for (int task = 0; task < start.length; task++) {
            end[task] = instance.isFixed(task) ? instance.fixedEnd[task]
                    : instance.calendars[team[task]].finish(start[task], instance.duration[task]);
        }
        this.back = backTimes(instance, end);
        this.restored = new int[instance.processes.length];
        for (int p = 0; p < restored.length; p++) {
            restored[p] = restoredAt(instance.processes[p], back);
        }
    }

    /** A system is back when its own work is done and every unavailable system it depends on is back. */
    static int[] backTimes(Instance instance, int[] end) {
        int[] back = new int[instance.systemCount()];
        for (int system : instance.topologicalOrder) {
            int last = instance.lastTask[system];
            int time = last < 0 ? 0 : end[last];
            for (int dependency : instance.affectedDependencies[system]) {
                time = Math.max(time, back[dependency]);
            }
            back[system] = time;
        }
        return back;
    }

    /** A process runs again when, for each clause, the {@code need}-th of its members is back. */
    static int restoredAt(Instance.ProcessTerm process, int[] back) {
        int restored = 0;
        for (Instance.Clause clause : process.clauses()) {
            int[] times = new int[clause.members().length];
            for (int i = 0; i < times.length; i++) {
                times[i] = back[clause.members()[i]];
            }
            Arrays.sort(times);
            restored = Math.max(restored, times[clause.need() - 1]);
        }
        return restored;
    }

    /** Loss from the plan's start until every process is back, in the model's currency. */
    double loss() {
        double loss = 0;
        for (int p = 0; p < restored.length; p++) {
            loss += instance.processes[p].loss(restored[p]);
        }
        return loss;
    }

    int allBack() {
        int latest = 0;
        for (int time : restored) {
            latest = Math.max(latest, time);
        }
        return latest;
    }

    /**
     * What both engines minimise: the loss, then (far smaller) the sum of systems' return times and
     * the time all processes are back, and the users' priority boosts.
     */
    double score() {
        double score = loss();
        double tieBreak = allBack();
        for (int system = 0; system < back.length; system++) {
            tieBreak += back[system];
            score += (instance.boost[system] - 1) * Objective.boostRate(instance) * back[system];
        }
        return score + tieBreak * Objective.TIE_BREAK_WEIGHT;
    }
}
