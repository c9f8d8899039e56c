package org.rebound.planning;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.CumulativeConstraint;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.IntervalVar;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.util.Domain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The exact engine: the instance as a CP-SAT model. Each task is an interval on one of its eligible
 * teams (optional intervals, exactly one present), teams are cumulative resources with their members
 * as capacity, steps of a system follow each other, a system is back at the latest of its own work and
 * its unavailable dependencies, a process is back when each of its requirements has enough systems
 * back, and the objective is the loss over the processes' outages, with shifts handled by lookup
 * tables from start to end. The search starts from the heuristic's schedule.
 */
final class CpSatScheduler {

    /** The best schedule found, with a proven lower bound on its loss. */
    record Result(Schedule schedule, double lossBound, boolean optimal) {
    }

    private final Instance instance;
    private final CpModel model = CpSat.newModel();
    private final IntVar[] start;
    private final IntVar[] end;
    private final BoolVar[][] onTeam;
    private final IntVar[][] teamStart;
    private final IntVar[][] teamEnd;
    private final @Nullable IntVar[][] teamSize;
    private final @Nullable IntVar[] validationSize;
    private @Nullable IntVar allBack;
    private final IntVar[] back;
    private final IntVar[] restored;
    private final List<Runnable> hints = new ArrayList<>();
    private final Map<Long, long[]> finishTables = new HashMap<>();
    private final double scale;
    private long maxTieBreak;
    private Schedule hint;

    private CpSatScheduler(Instance instance) {
        this.instance = instance;
        int tasks = instance.taskCount();
        start = new IntVar[tasks];
        end = new IntVar[tasks];
        onTeam = new BoolVar[tasks][];
        teamStart = new IntVar[tasks][];
        teamEnd = new IntVar[tasks][];
        teamSize = new IntVar[tasks][];
        validationSize = new IntVar[tasks];
        back = new IntVar[instance.systemCount()];
        restored = new IntVar[instance.processes.length];
        double rates = 0;
        for (Instance.ProcessTerm process : instance.processes) {
            rates += Math.max(process.downRate(), process.degradedRate());
        }
        rates += Objective.boostRate(instance) * java.util.Arrays.stream(instance.boost).map(boost -> boost - 1).sum();
        scale = Math.max(1e-3, Math.min(1000, 1e15 / Math.max(1, rates * (double) instance.horizon)));
    }

    static @Nullable Result solve(Instance instance, Schedule hint, SolveSettings settings) {
        CpSatScheduler scheduler = new CpSatScheduler(instance);
        scheduler.hint = hint;
        scheduler.build();
        return scheduler.run(settings);
    }

    private void build() {
        int horizon = instance.horizon;
        CumulativeConstraint[] teams = new CumulativeConstraint[instance.teamIds.length];
        for (int team = 0; team < teams.length; team++) {
            teams[team] = model.addCumulative(instance.teamCapacity[team]);
        }
        CumulativeConstraint[] sites = new CumulativeConstraint[instance.siteCap.length];
        for (int site = 0; site < sites.length; site++) {
            sites[site] = model.addCumulative(instance.siteCap[site]);
        }
        for (int task = 0; task < instance.taskCount(); task++) {
            if (instance.isFixed(task)) {
                start[task] = model.newConstant(0);
                end[task] = model.newConstant(instance.fixedEnd[task]);
                if (instance.fixedEnd[task] > 0) {
                    IntervalVar fixed = model.newFixedInterval(0, instance.fixedEnd[task], "underway" + task);
                    teams[instance.fixedTeam[task]].addDemand(fixed, instance.crew[task]);
                    if (instance.capSite[task] >= 0) {
                        sites[instance.capSite[task]].addDemand(fixed, 1);
                    }
                }
                continue;
            }
            long earliest = instance.pinned[task] >= 0 ? instance.pinned[task] : instance.release[task];
            long latest = instance.pinned[task] >= 0 ? instance.pinned[task] : horizon;
            start[task] = model.newIntVar(earliest, latest, "start" + task);
            end[task] = model.newIntVar(0, horizon, "end" + task);
            int[] eligible = instance.eligibleTeams[task];
            onTeam[task] = new BoolVar[eligible.length];
            teamStart[task] = new IntVar[eligible.length];
            teamEnd[task] = new IntVar[eligible.length];
            teamSize[task] = new IntVar[eligible.length];
            for (int option = 0; option < eligible.length; option++) {
                int team = eligible[option];
                BoolVar chosen = model.newBoolVar("task" + task + "team" + team);
                onTeam[task][option] = chosen;
                IntVar optionStart = eligible.length == 1 ? start[task] : model.newIntVar(earliest, latest, "s" + task + "_" + team);
                IntVar optionEnd = eligible.length == 1 ? end[task] : model.newIntVar(0, horizon, "e" + task + "_" + team);
                teamStart[task][option] = optionStart;
                teamEnd[task][option] = optionEnd;
                IntervalVar interval;
                WorkCalendar calendar = instance.calendars[team];
                if (calendar.isRoundTheClock()) {
                    interval = model.newOptionalIntervalVar(optionStart, LinearExpr.constant(instance.duration[task]), optionEnd,
                            chosen, "t" + task + "_" + team);
                } else {
                    model.addLinearExpressionInDomain(optionStart, Domain.fromValues(workingStarts(calendar, earliest, latest)))
                            .onlyEnforceIf(chosen);
                    model.addElement(optionStart, finishTable(team, instance.duration[task]), optionEnd);
                    IntVar size = model.newIntVar(instance.duration[task], horizon, "d" + task + "_" + team);
                    teamSize[task][option] = size;
                    interval = model.newOptionalIntervalVar(optionStart, size, optionEnd, chosen, "t" + task + "_" + team);
                }
                teams[team].addDemand(interval, instance.crew[task]);
                if (eligible.length > 1) {
                    model.addEquality(start[task], optionStart).onlyEnforceIf(chosen);
                    model.addEquality(end[task], optionEnd).onlyEnforceIf(chosen);
                }
            }
            if (eligible.length == 1) {
                model.addEquality(onTeam[task][0], 1);
            } else {
                model.addExactlyOne(onTeam[task]);
            }
            if (instance.capSite[task] >= 0) {
                IntVar size = model.newIntVar(0, horizon, "validation" + task);
                validationSize[task] = size;
                IntervalVar validation = model.newIntervalVar(start[task], size, end[task], "v" + task);
                sites[instance.capSite[task]].addDemand(validation, 1);
            }
            int predecessor = instance.predecessor[task];
            if (predecessor >= 0) {
                model.addGreaterOrEqual(start[task], end[predecessor]);
            }
        }
        for (int system : instance.topologicalOrder) {
            List<LinearArgument> terms = new ArrayList<>();
            int last = instance.lastTask[system];
            terms.add(last < 0 ? LinearExpr.constant(0) : end[last]);
            for (int dependency : instance.affectedDependencies[system]) {
                terms.add(back[dependency]);
            }
            back[system] = model.newIntVar(0, horizon, "back" + system);
            model.addMaxEquality(back[system], terms);
        }
        LinearExprBuilder objective = LinearExpr.newBuilder();
        long tieBreak = Math.max(1, Math.round(Objective.TIE_BREAK_WEIGHT * scale));
        for (int p = 0; p < instance.processes.length; p++) {
            Instance.ProcessTerm process = instance.processes[p];
            IntVar time = model.newIntVar(0, horizon, "restored" + p);
            restored[p] = time;
            for (Instance.Clause clause : process.clauses()) {
                int[] members = clause.members();
                if (clause.need() == members.length) {
                    for (int member : members) {
                        model.addGreaterOrEqual(time, back[member]);
                    }
                } else {
                    BoolVar[] counted = new BoolVar[members.length];
                    for (int i = 0; i < members.length; i++) {
                        counted[i] = model.newBoolVar("counted" + p + "_" + members[i]);
                        model.addLessOrEqual(back[members[i]], time).onlyEnforceIf(counted[i]);
                        BoolVar flag = counted[i];
                        int member = members[i];
                        int index = p;
                        hints.add(() -> model.addHint(flag, hint.back[member] <= hint.restored[index]));
                    }
                    model.addGreaterOrEqual(LinearExpr.sum(counted), clause.need());
                }
            }
            addLoss(objective, p, time);
        }
        allBack = model.newIntVar(0, horizon, "allBack");
        if (restored.length > 0) {
            model.addMaxEquality(allBack, restored);
        }
        objective.addTerm(allBack, tieBreak);
        maxTieBreak = tieBreak * (long) horizon;
        double boostRate = Objective.boostRate(instance);
        for (int system = 0; system < instance.systemCount(); system++) {
            objective.addTerm(back[system], tieBreak);
            maxTieBreak += tieBreak * (long) horizon;
            long boostCoefficient = Math.round((instance.boost[system] - 1) * boostRate * scale);
            if (boostCoefficient > 0) {
                objective.addTerm(back[system], boostCoefficient);
                maxTieBreak += boostCoefficient * (long) horizon;
            }
        }
        model.minimize(objective);
        addHints();
    }

    /**
     * Loss of a process restored at {@code time}: full rate until its workaround runs, the degraded
     * rate after. Written with non-negative coefficients only (the degraded rate on all the time, plus
     * the difference on the time before the workaround), so that the solver's bound stays tight.
     */
    private void addLoss(LinearExprBuilder objective, int p, IntVar time) {
        Instance.ProcessTerm process = instance.processes[p];
        long down = Math.round(process.downRate() * scale);
        long degraded = Math.round(process.degradedRate() * scale);
        if (process.degradeAt() == Integer.MAX_VALUE) {
            objective.addTerm(time, down);
        } else if (process.degradeAt() <= 0) {
            objective.addTerm(time, degraded);
        } else if (down >= degraded) {
            IntVar beforeWorkaround = model.newIntVar(0, process.degradeAt(), "down_" + process.id());
            model.addMinEquality(beforeWorkaround, new LinearArgument[] {time, LinearExpr.constant(process.degradeAt())});
            objective.addTerm(time, degraded);
            objective.addTerm(beforeWorkaround, down - degraded);
            hints.add(() -> model.addHint(beforeWorkaround, Math.min(hint.restored[p], process.degradeAt())));
        } else {
            IntVar afterWorkaround = model.newIntVar(0, instance.horizon, "degraded_" + process.id());
            model.addMaxEquality(afterWorkaround, new LinearArgument[] {
                    LinearExpr.affine(time, 1, -process.degradeAt()), LinearExpr.constant(0)});
            objective.addTerm(time, down);
            objective.addTerm(afterWorkaround, degraded - down);
            hints.add(() -> model.addHint(afterWorkaround, Math.max(0, hint.restored[p] - process.degradeAt())));
        }
    }

    private void addHints() {
        for (int task = 0; task < instance.taskCount(); task++) {
            if (instance.isFixed(task)) {
                continue;
            }
            model.addHint(start[task], hint.start[task]);
            model.addHint(end[task], hint.end[task]);
            if (validationSize[task] != null) {
                model.addHint(validationSize[task], hint.end[task] - hint.start[task]);
            }
            int[] eligible = instance.eligibleTeams[task];
            for (int option = 0; option < eligible.length; option++) {
                boolean chosen = eligible[option] == hint.team[task];
                model.addHint(onTeam[task][option], chosen);
                if (eligible.length > 1) {
                    WorkCalendar calendar = instance.calendars[eligible[option]];
                    int feasibleStart = chosen ? hint.start[task] : Math.max(0, calendar.nextWorking(hint.start[task]));
                    int optionEnd = calendar.finish(feasibleStart, instance.duration[task]);
                    int hintedEnd = optionEnd < 0 ? instance.horizon : optionEnd;
                    model.addHint(teamStart[task][option], feasibleStart);
                    model.addHint(teamEnd[task][option], hintedEnd);
                    if (teamSize[task][option] != null) {
                        model.addHint(teamSize[task][option], hintedEnd - feasibleStart);
                    }
                } else if (teamSize[task][0] != null) {
                    model.addHint(teamSize[task][0], hint.end[task] - hint.start[task]);
                }
            }
        }
        for (int system = 0; system < back.length; system++) {
            model.addHint(back[system], hint.back[system]);
        }
        for (int p = 0; p < restored.length; p++) {
            model.addHint(restored[p], hint.restored[p]);
        }
        model.addHint(allBack, hint.allBack());
        hints.forEach(Runnable::run);
    }

    private @Nullable Result run(SolveSettings settings) {
        CpSolver solver = CpSat.solver(settings);
        CpSolverStatus status = solver.solve(model);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return null;
        }
        int[] starts = new int[instance.taskCount()];
        int[] teams = new int[instance.taskCount()];
        for (int task = 0; task < starts.length; task++) {
            if (instance.isFixed(task)) {
                teams[task] = instance.fixedTeam[task];
                continue;
            }
            starts[task] = (int) solver.value(start[task]);
            int[] eligible = instance.eligibleTeams[task];
            for (int option = 0; option < eligible.length; option++) {
                if (solver.booleanValue(onTeam[task][option])) {
                    teams[task] = eligible[option];
                }
            }
        }
        double bound = Math.max(0, (solver.bestObjectiveBound() - maxTieBreak) / scale);
        return new Result(new Schedule(instance, starts, teams), bound, status == CpSolverStatus.OPTIMAL);
    }

    private long[] workingStarts(WorkCalendar calendar, long earliest, long latest) {
        List<Long> values = new ArrayList<>();
        for (long unit = earliest; unit <= latest && unit < instance.horizon; unit++) {
            if (calendar.isWorking((int) unit)) {
                values.add(unit);
            }
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    /** End for every start: index {@code t} holds when work begun at {@code t} is finished. */
    private long[] finishTable(int team, int duration) {
        return finishTables.computeIfAbsent(((long) team << 32) | duration, key -> {
            WorkCalendar calendar = instance.calendars[team];
            long[] table = new long[instance.horizon + 1];
            for (int unit = 0; unit <= instance.horizon; unit++) {
                int from = calendar.nextWorking(unit);
                int finish = from < 0 ? -1 : calendar.finish(from, duration);
                table[unit] = finish < 0 ? instance.horizon : Math.min(finish, instance.horizon);
            }
            return table;
        });
    }
}
