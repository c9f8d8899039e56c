package org.rebound.planning;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rebound.impact.ImpactModel;
import org.rebound.impact.ImpactTracker;
import org.rebound.impact.Outage;
import org.rebound.impact.StateChange;
import org.rebound.model.Backlog;
import org.rebound.model.BusinessProcess;
import org.rebound.model.SystemState;

/**
 * Turns an integer schedule into a {@link Plan}: instants, team names, why each activity starts
 * when it does, and the business outcome replayed through the impact engine (each recovered system
 * restored when it is back), so that the loss reported is exactly what the impact engine computes.
 */
final class PlanAssembler {

    private PlanAssembler() {
    }

    static Plan assemble(String engine, Schedule schedule, @Nullable Double bound, boolean optimal, Duration solveTime) {
        Instance instance = schedule.instance;
        PlanningRequest request = instance.request;
        List<PlannedActivity> activities = new ArrayList<>();
        request.progress().forEach((key, progress) -> {
            if (progress instanceof ActivityProgress.Done done) {
                activities.add(new PlannedActivity(key.system(), key.kind(), done.team(), done.start(), done.end(),
                        PlannedActivity.Status.DONE, "done"));
            }
        });
        int[][] usage = usage(schedule);
        for (int task = 0; task < instance.taskCount(); task++) {
            ActivityKey key = instance.taskKey[task];
            boolean fixed = instance.isFixed(task);
            Instant start = fixed ? instance.actualStart[task] : instance.instant(schedule.start[task]);
            activities.add(new PlannedActivity(key.system(), key.kind(), instance.teamIds[schedule.team[task]], start,
                    instance.instant(schedule.end[task]), fixed ? PlannedActivity.Status.IN_PROGRESS : PlannedActivity.Status.PLANNED,
                    why(schedule, usage, task)));
        }
        activities.sort(Comparator.comparing(PlannedActivity::start).thenComparing(PlannedActivity::system)
                .thenComparing(PlannedActivity::kind));

        List<SystemReturn> systems = new ArrayList<>();
        List<StateChange> replay = new ArrayList<>(request.history());
        for (int system = 0; system < instance.systemCount(); system++) {
            Instant back = instance.instant(schedule.back[system]);
            systems.add(new SystemReturn(instance.systemIds[system], back, instance.needsWork[system], whyBack(schedule, system)));
            if (instance.needsWork[system]) {
                replay.add(new StateChange(back, instance.systemIds[system], SystemState.RESTORED));
            }
        }
        systems.sort(Comparator.comparing(SystemReturn::back).thenComparing(SystemReturn::system));

        ImpactTracker outcome = ImpactTracker.replay(ImpactModel.of(request.enterprise()), request.origin(), replay);
        Instant now = request.now();
        List<ProcessForecast> processes = new ArrayList<>();
        Instant allBack = now;
        for (Instance.ProcessTerm waiting : instance.processes) {
            Instant restored = outcome.outages(waiting.id()).stream()
                    .filter(outage -> !outage.down().isAfter(now) && outage.up() != null && !outage.up().isBefore(now))
                    .map(Outage::up)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the plan does not bring " + waiting.id() + " back"));
            allBack = restored.isAfter(allBack) ? restored : allBack;
            BusinessProcess process = request.enterprise().process(waiting.id()).orElseThrow();
            processes.add(new ProcessForecast(process.id(), process.name(), restored, outcome.lossBetween(process.id(), now, restored)));
        }
        processes.sort(Comparator.comparing(ProcessForecast::restored).thenComparing(ProcessForecast::process));
        List<BacklogForecast> backlogs = new ArrayList<>();
        for (Backlog backlog : request.enterprise().backlogs()) {
            backlogs.add(backlogForecast(outcome, backlog, processes, now));
        }
        double objective = outcome.lossBetween(now, allBack);
        Double gap = bound == null ? null : objective <= 0 ? 0.0 : Math.max(0, (objective - bound) / objective);
        return new Plan(engine, instance.zero, activities, systems, processes, backlogs, objective, bound, gap, optimal,
                outcome.lossBetween(request.origin(), allBack), allBack, solveTime);
    }

    private static BacklogForecast backlogForecast(ImpactTracker outcome, Backlog backlog, List<ProcessForecast> processes,
                                                   Instant now) {
        Instant restored = processes.stream().filter(process -> process.process().equals(backlog.process()))
                .map(ProcessForecast::restored).findFirst().orElse(now);
        double peak = outcome.backlogLevel(backlog.id(), restored);
        double net = backlog.clearPerHour() - backlog.inflowPerHour();
        Instant cleared = peak <= 0 ? restored : net > 0 ? restored.plusSeconds(Math.round(peak / net * 3600)) : null;
        return new BacklogForecast(backlog.id(), backlog.process(), backlog.unit(), peak, cleared);
    }

    private static int[][] usage(Schedule schedule) {
        Instance instance = schedule.instance;
        int[][] usage = new int[instance.teamIds.length][instance.horizon];
        for (int task = 0; task < instance.taskCount(); task++) {
            for (int unit = Math.max(0, schedule.start[task]); unit < Math.min(schedule.end[task], instance.horizon); unit++) {
                usage[schedule.team[task]][unit] += instance.crew[task];
            }
        }
        return usage;
    }

    private static String why(Schedule schedule, int[][] usage, int task) {
        Instance instance = schedule.instance;
        if (instance.isFixed(task)) {
            return "under way since " + instance.actualStart[task];
        }
        int start = schedule.start[task];
        int team = schedule.team[task];
        if (instance.pinned[task] == start) {
            return "pinned to start at " + instance.instant(start);
        }
        int predecessor = instance.predecessor[task];
        if (predecessor >= 0 && schedule.end[predecessor] == start) {
            return "right after " + instance.taskKey[predecessor].kind().id() + " of " + instance.systemIds[instance.taskSystem[task]];
        }
        if (instance.release[task] == start && start > 0) {
            return "not before " + instance.instant(start) + " (constraint)";
        }
        if (start == 0) {
            return "starts when the plan starts";
        }
        WorkCalendar calendar = instance.calendars[team];
        if (!calendar.isWorking(start - 1)) {
            return "at the start of " + instance.teamIds[team] + "'s shift";
        }
        int site = instance.capSite[task];
        if (site >= 0 && siteBusy(schedule, site, start - 1)) {
            return "waiting for the reconnection cap of site " + instance.siteIds[site];
        }
        if (usage[team][start - 1] + instance.crew[task] > instance.teamCapacity[team]) {
            return "waiting for " + instance.teamIds[team] + ": all " + instance.teamCapacity[team] + " members busy until then";
        }
        return "placed here to let costlier work go first";
    }

    private static boolean siteBusy(Schedule schedule, int site, int unit) {
        Instance instance = schedule.instance;
        int busy = 0;
        for (int task = 0; task < instance.taskCount(); task++) {
            if (instance.capSite[task] == site && schedule.start[task] <= unit && unit < schedule.end[task]) {
                busy++;
            }
        }
        return busy >= instance.siteCap[site];
    }

    private static String whyBack(Schedule schedule, int system) {
        Instance instance = schedule.instance;
        int last = instance.lastTask[system];
        int workEnd = last < 0 ? 0 : schedule.end[last];
        int latestDependency = -1;
        for (int dependency : instance.affectedDependencies[system]) {
            if (latestDependency < 0 || schedule.back[dependency] > schedule.back[latestDependency]) {
                latestDependency = dependency;
            }
        }
        if (latestDependency >= 0 && schedule.back[latestDependency] > workEnd) {
            return (instance.needsWork[system] ? "reconnected once " : "back once ") + instance.systemIds[latestDependency] + " is back";
        }
        if (!instance.needsWork[system]) {
            return "back at the plan's start";
        }
        return last < 0 ? "reconnected at the plan's start: its recovery work is done"
                : "reconnected after " + instance.taskKey[last].kind().id();
    }
}
