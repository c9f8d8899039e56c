package org.rebound.planning;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A planning request in integer time units, shared by both engines: tasks (the activities still to
 * schedule, or under way), teams with capacities and calendars, the systems that are unavailable
 * and the processes waiting on them. Time 0 is the plan's start; tasks under way occupy their team
 * from 0 to their fixed end.
 */
final class Instance {

    final PlanningRequest request;
    final Instant zero;
    final int unitMinutes;
    final int horizon;

    final String[] teamIds;
    final int[] teamCapacity;
    final WorkCalendar[] calendars;

    final ActivityKey[] taskKey;
    final int[] taskSystem;
    final int[] duration;
    final int[] crew;
    final int[][] eligibleTeams;
    final int[] release;
    /** Fixed start, or -1. */
    final int[] pinned;
    /** The previous step of the same system still to do, or -1. */
    final int[] predecessor;
    /** For tasks under way: their team, or -1. */
    final int[] fixedTeam;
    /** For tasks under way: their end, or -1. */
    final int[] fixedEnd;
    /** For tasks under way: their actual start. */
    final @Nullable Instant[] actualStart;
    /** Site index whose reconnection cap the task counts against (validation steps only), or -1. */
    final int[] capSite;

    final String[] systemIds;
    /** The last task of each unavailable system, or -1 when it needs no work (or all is done). */
    final int[] lastTask;
    final int[][] affectedDependencies;
    /** Unavailable systems, every system after those it depends on. */
    final int[] topologicalOrder;
    final boolean[] needsWork;
    final double[] boost;

    final int[] siteCap;
    final String[] siteIds;

    final ProcessTerm[] processes;

    Instance(PlanningRequest request, Instant zero, int unitMinutes, int horizon, String[] teamIds, int[] teamCapacity,
             WorkCalendar[] calendars, ActivityKey[] taskKey, int[] taskSystem, int[] duration, int[] crew,
             int[][] eligibleTeams, int[] release, int[] pinned, int[] predecessor, int[] fixedTeam, int[] fixedEnd,
             @Nullable Instant[] actualStart, int[] capSite, String[] systemIds, int[] lastTask,
             int[][] affectedDependencies, int[] topologicalOrder, boolean[] needsWork, double[] boost, int[] siteCap,
             String[] siteIds, ProcessTerm[] processes) {
        this.request = request;
        this.zero = zero;
        this.unitMinutes = unitMinutes;
        this.horizon = horizon;
        this.teamIds = teamIds;
        this.teamCapacity = teamCapacity;
        this.calendars = calendars;
        this.taskKey = taskKey;
        this.taskSystem = taskSystem;
        this.duration = duration;
        this.crew = crew;
        this.eligibleTeams = eligibleTeams;
        this.release = release;
        this.pinned = pinned;
        this.predecessor = predecessor;
        this.fixedTeam = fixedTeam;
        this.fixedEnd = fixedEnd;
        this.actualStart = actualStart;
        this.capSite = capSite;
        this.systemIds = systemIds;
        this.lastTask = lastTask;
        this.affectedDependencies = affectedDependencies;
        this.topologicalOrder = topologicalOrder;
        this.needsWork = needsWork;
        this.boost = boost;
        this.siteCap = siteCap;
        this.siteIds = siteIds;
        this.processes = processes;
    }

    int taskCount() {
        return taskKey.length;
    }

    int systemCount() {
        return systemIds.length;
    }

    boolean isFixed(int task) {
        return fixedTeam[task] >= 0;
    }

    Instant instant(long unit) {
        return zero.plusSeconds(60L * unitMinutes * unit);
    }

    /**
     * A process not up at the plan's start: what it loses per unit of time, and the requirements it
     * waits on as clauses "at least {@code need} of these unavailable systems are back".
     *
     * @param degradeAt the unit from which its workaround runs, or {@link Integer#MAX_VALUE} without one
     */
    record ProcessTerm(String id, double downRate, double degradedRate, int degradeAt, List<Clause> clauses) {

        /** Loss from time 0 until the process is back at {@code restored}. */
        double loss(long restored) {
            if (restored <= 0) {
                return 0;
            }
            if (degradeAt == Integer.MAX_VALUE) {
                return downRate * restored;
            }
            long down = Math.max(0, Math.min(restored, degradeAt));
            return downRate * down + degradedRate * (restored - down);
        }
    }

    /** At least {@code need} of {@code members} (indices of unavailable systems) must be back. */
    record Clause(int need, int[] members) {
    }
}
