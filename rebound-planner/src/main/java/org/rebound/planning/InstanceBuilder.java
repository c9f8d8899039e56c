package org.rebound.planning;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rebound.impact.Availability;
import org.rebound.impact.ImpactModel;
import org.rebound.impact.ImpactTracker;
import org.rebound.impact.Outage;
import org.rebound.impact.StateChange;
import org.rebound.model.BusinessProcess;
import org.rebound.model.Enterprise;
import org.rebound.model.EnterpriseSystem;
import org.rebound.model.Recovery;
import org.rebound.model.Requirements;
import org.rebound.model.SystemState;
import org.rebound.model.Team;
import org.rebound.model.Workaround;

/**
 * Builds the integer {@link Instance} of a request. The systems to recover are those out of action
 * at the plan's start: a compromised or recovering system needs triage, restore and validation; an
 * isolated one needs triage (forensic clearance) before it is reconnected. Steps of zero duration
 * and finished steps are not scheduled.
 */
final class InstanceBuilder {

    private static final int[] UNITS = {60, 30, 20, 15, 12, 10, 6, 5, 4, 3, 2, 1};

    /** The instance, or why the request cannot be planned. */
    sealed interface Result {
        record Built(Instance instance, ImpactTracker tracker) implements Result {
        }

        record Rejected(List<String> reasons) implements Result {
        }
    }

    private record Step(int system, ActivityKey key, long minutes, int crew, List<Integer> teams) {
    }

    private InstanceBuilder() {
    }

    static Result build(PlanningRequest request) {
        Enterprise enterprise = request.enterprise();
        ImpactModel model = ImpactModel.of(enterprise);
        List<String> reasons = new ArrayList<>();
        for (StateChange change : request.history()) {
            if (change.at().isAfter(request.now())) {
                reasons.add("state change of " + change.system() + " at " + change.at() + " is after the plan's start " + request.now());
            }
        }
        if (!reasons.isEmpty()) {
            return new Result.Rejected(reasons);
        }
        ImpactTracker tracker = ImpactTracker.replay(model, request.origin(), request.history());
        Availability now = tracker.availability();

        List<String> affected = now.unavailableSystems();
        Map<String, Integer> systemIndex = new HashMap<>();
        for (int i = 0; i < affected.size(); i++) {
            systemIndex.put(affected.get(i), i);
        }
        List<Team> teams = enterprise.teams();

        List<Step> steps = new ArrayList<>();
        boolean[] needsWork = new boolean[affected.size()];
        for (int s = 0; s < affected.size(); s++) {
            EnterpriseSystem system = enterprise.system(affected.get(s)).orElseThrow();
            SystemState state = tracker.state(system.id());
            if (state.isOperable()) {
                continue;
            }
            needsWork[s] = true;
            List<ActivityKind> kinds = state == SystemState.ISOLATED ? List.of(ActivityKind.TRIAGE) : List.of(ActivityKind.values());
            Recovery recovery = system.recovery();
            if (recovery == null) {
                reasons.add("the model gives no recovery work for " + system.id() + " (add recovery: {triage, restore, validate})");
                continue;
            }
            List<Integer> eligible = new ArrayList<>();
            for (int t = 0; t < teams.size(); t++) {
                if (system.skill() != null && teams.get(t).has(system.skill()) && teams.get(t).members() >= recovery.crew()) {
                    eligible.add(t);
                }
            }
            if (eligible.isEmpty()) {
                reasons.add(system.skill() == null
                        ? "the model names no skill to restore " + system.id()
                        : "no team with the skill '" + system.skill() + "' has the " + recovery.crew() + " members " + system.id() + " needs");
                continue;
            }
            for (ActivityKind kind : kinds) {
                steps.add(new Step(s, new ActivityKey(system.id(), kind), kind.likely(recovery).toMinutes(), recovery.crew(), eligible));
            }
        }
        if (!reasons.isEmpty()) {
            return new Result.Rejected(reasons);
        }

        int unit = unit(request, steps);
        Instant zero = alignUp(request.now(), unit);
        List<Step> scheduled = new ArrayList<>();
        Map<ActivityKey, ActivityProgress> progress = request.progress();
        for (Step step : steps) {
            ActivityProgress known = progress.get(step.key());
            if (known instanceof ActivityProgress.Done) {
                continue;
            }
            if (known == null && step.minutes() == 0) {
                continue;
            }
            scheduled.add(step);
        }
        // A later step under way means the earlier ones were finished.
        Map<String, Integer> furthestStarted = new HashMap<>();
        for (Step step : scheduled) {
            if (progress.get(step.key()) instanceof ActivityProgress.InProgress) {
                furthestStarted.merge(step.key().system(), step.key().kind().ordinal(), Math::max);
            }
        }
        scheduled.removeIf(step -> step.key().kind().ordinal() < furthestStarted.getOrDefault(step.key().system(), -1));

        String[] teamIds = teams.stream().map(Team::id).toArray(String[]::new);
        int[] capacity = teams.stream().mapToInt(Team::members).toArray();
        int horizon = horizon(request, scheduled, teams, unit, zero);
        WorkCalendar[] calendars = new WorkCalendar[teams.size()];
        for (int t = 0; t < teams.size(); t++) {
            calendars[t] = teams.get(t).shift() == null
                    ? WorkCalendar.roundTheClock()
                    : WorkCalendar.of(teams.get(t).shift(), zero, unit, horizon);
        }

        Map<String, Integer> siteIndex = new LinkedHashMap<>();
        request.constraints().siteCaps().keySet().stream().sorted().forEach(site -> siteIndex.put(site, siteIndex.size()));
        int[] siteCap = siteIndex.keySet().stream().mapToInt(site -> request.constraints().siteCaps().get(site)).toArray();

        int tasks = scheduled.size();
        ActivityKey[] keys = new ActivityKey[tasks];
        int[] taskSystem = new int[tasks];
        int[] duration = new int[tasks];
        int[] crew = new int[tasks];
        int[][] eligible = new int[tasks][];
        int[] release = new int[tasks];
        int[] pinned = new int[tasks];
        int[] predecessor = new int[tasks];
        int[] fixedTeam = new int[tasks];
        int[] fixedEnd = new int[tasks];
        Instant[] actualStart = new Instant[tasks];
        int[] capSite = new int[tasks];
        int[] lastTask = new int[affected.size()];
        java.util.Arrays.fill(lastTask, -1);
        for (int i = 0; i < tasks; i++) {
            Step step = scheduled.get(i);
            keys[i] = step.key();
            taskSystem[i] = step.system();
            crew[i] = step.crew();
            eligible[i] = step.teams().stream().mapToInt(Integer::intValue).toArray();
            predecessor[i] = lastTask[step.system()];
            lastTask[step.system()] = i;
            duration[i] = (int) (step.minutes() / unit);
            pinned[i] = -1;
            fixedTeam[i] = -1;
            fixedEnd[i] = -1;
            Instant notBefore = request.constraints().notBefore().get(step.key());
            release[i] = notBefore == null ? 0 : (int) Math.max(0, ceilUnits(zero, notBefore, unit));
            Instant pin = request.constraints().pins().get(step.key());
            if (pin != null) {
                long pinUnits = Duration.between(zero, pin).toMinutes();
                if (pinUnits < 0) {
                    reasons.add(step.key() + " is pinned to " + pin + ", before the plan starts at " + zero);
                } else {
                    pinned[i] = (int) (pinUnits / unit);
                }
            }
            String site = request.enterprise().system(step.key().system()).orElseThrow().site();
            capSite[i] = step.key().kind() == ActivityKind.VALIDATE && site != null && siteIndex.containsKey(site) ? siteIndex.get(site) : -1;
            if (progress.get(step.key()) instanceof ActivityProgress.InProgress underway) {
                Integer team = indexOf(teamIds, underway.team());
                if (team == null) {
                    reasons.add(step.key() + " is under way with an unknown team '" + underway.team() + "'");
                    continue;
                }
                fixedTeam[i] = team;
                actualStart[i] = underway.start();
                int remaining = (int) Math.ceil(underway.remaining().toMinutes() / (double) unit);
                int end = calendars[team].finish(calendars[team].nextWorking(0), remaining);
                fixedEnd[i] = end < 0 ? horizon : end;
                duration[i] = remaining;
            }
        }
        if (!reasons.isEmpty()) {
            return new Result.Rejected(reasons);
        }

        String[] systemIds = affected.toArray(String[]::new);
        int[][] dependencies = new int[affected.size()][];
        double[] boost = new double[affected.size()];
        for (int s = 0; s < affected.size(); s++) {
            EnterpriseSystem system = enterprise.system(affected.get(s)).orElseThrow();
            dependencies[s] = system.dependsOn().stream().filter(systemIndex::containsKey).mapToInt(systemIndex::get).toArray();
            boost[s] = request.constraints().boosts().getOrDefault(system.id(), 1.0);
        }
        int[] order = topologicalOrder(dependencies);

        List<Instance.ProcessTerm> processes = new ArrayList<>();
        for (BusinessProcess process : enterprise.processes()) {
            if (now.isUp(process.id())) {
                continue;
            }
            List<Outage> outages = tracker.outages(process.id());
            Instant downSince = outages.get(outages.size() - 1).down();
            double rateScale = unit / 60.0;
            Workaround workaround = process.workaround();
            int degradeAt = Integer.MAX_VALUE;
            double degradedRate = process.costPerHour() * rateScale;
            if (workaround != null) {
                degradeAt = (int) Math.max(-1, ceilUnits(zero, downSince.plus(workaround.leadTime()), unit));
                degradedRate = ImpactTracker.lossRate(process, org.rebound.impact.ProcessState.DEGRADED) * rateScale;
            }
            processes.add(new Instance.ProcessTerm(process.id(), process.costPerHour() * rateScale, degradedRate, degradeAt,
                    clauses(process.requires(), systemIndex)));
        }

        return new Result.Built(new Instance(request, zero, unit, horizon, teamIds, capacity, calendars, keys, taskSystem,
                duration, crew, eligible, release, pinned, predecessor, fixedTeam, fixedEnd, actualStart, capSite,
                systemIds, lastTask, dependencies, order, needsWork, boost, siteCap, siteIndex.keySet().toArray(String[]::new),
                processes.toArray(Instance.ProcessTerm[]::new)), tracker);
    }

    /** The requirements still unmet, over the unavailable systems; a satisfied group drops out. */
    private static List<Instance.Clause> clauses(Requirements requires, Map<String, Integer> systemIndex) {
        List<Instance.Clause> clauses = new ArrayList<>();
        addClause(clauses, requires.all().size(), requires.all(), systemIndex);
        requires.any().forEach(group -> addClause(clauses, 1, group, systemIndex));
        requires.kOf().forEach(group -> addClause(clauses, group.k(), group.of(), systemIndex));
        return clauses;
    }

    private static void addClause(List<Instance.Clause> clauses, int need, List<String> members, Map<String, Integer> systemIndex) {
        int[] unavailable = members.stream().filter(systemIndex::containsKey).mapToInt(systemIndex::get).toArray();
        int stillNeeded = need - (members.size() - unavailable.length);
        if (stillNeeded > 0) {
            clauses.add(new Instance.Clause(stillNeeded, unavailable));
        }
    }

    /**
     * The largest unit that divides every duration and pin into whole units and, for units above a
     * quarter hour, the plan's start too: a plan starts at most a quarter of an hour after it is asked for.
     */
    private static int unit(PlanningRequest request, List<Step> steps) {
        long startMinute = request.now().getEpochSecond() / 60 + (request.now().getEpochSecond() % 60 == 0 && request.now().getNano() == 0 ? 0 : 1);
        for (int candidate : UNITS) {
            boolean divides = steps.stream().allMatch(step -> step.minutes() % candidate == 0);
            if (candidate > 15) {
                divides &= Math.floorMod(startMinute, candidate) == 0;
            }
            for (ActivityProgress progress : request.progress().values()) {
                if (progress instanceof ActivityProgress.InProgress underway) {
                    divides &= underway.remaining().toMinutes() % candidate == 0;
                }
            }
            for (Instant pin : request.constraints().pins().values()) {
                divides &= Math.floorMod(pin.getEpochSecond() / 60, candidate) == 0;
            }
            if (divides) {
                return candidate;
            }
        }
        return 1;
    }

    private static Instant alignUp(Instant instant, int unitMinutes) {
        long unitSeconds = 60L * unitMinutes;
        long seconds = instant.getEpochSecond() + (instant.getNano() > 0 ? 1 : 0);
        long aligned = Math.floorDiv(seconds + unitSeconds - 1, unitSeconds) * unitSeconds;
        return Instant.ofEpochSecond(aligned);
    }

    private static long ceilUnits(Instant zero, Instant instant, int unitMinutes) {
        long seconds = Duration.between(zero, instant).getSeconds();
        return Math.floorDiv(seconds + 60L * unitMinutes - 1, 60L * unitMinutes);
    }

    /** Long enough for any sensible plan: every task one after another, stretched by shifts, after the latest release or pin. */
    private static int horizon(PlanningRequest request, List<Step> steps, List<Team> teams, int unit, Instant zero) {
        long latest = 0;
        for (Instant instant : request.constraints().notBefore().values()) {
            latest = Math.max(latest, ceilUnits(zero, instant, unit));
        }
        for (Instant instant : request.constraints().pins().values()) {
            latest = Math.max(latest, ceilUnits(zero, instant, unit));
        }
        long work = 0;
        long day = 24 * 60 / unit;
        for (Step step : steps) {
            long units = step.minutes() / unit;
            long stretched = units;
            for (int team : step.teams()) {
                if (teams.get(team).shift() != null) {
                    stretched = Math.max(stretched, (units * 24 + teams.get(team).shift().hours() - 1) / teams.get(team).shift().hours() + day);
                }
            }
            work += stretched;
        }
        for (ActivityProgress progress : request.progress().values()) {
            if (progress instanceof ActivityProgress.InProgress underway) {
                work += underway.remaining().toMinutes() / unit * 3 + day;
            }
        }
        long horizon = latest + work + 2 * day;
        if (horizon > 50_000_000) {
            throw new IllegalArgumentException("the plan would span " + horizon + " time units; the model's durations are too long to plan");
        }
        return (int) horizon;
    }

    private static int[] topologicalOrder(int[][] dependencies) {
        int n = dependencies.length;
        int[] pending = new int[n];
        List<List<Integer>> dependents = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            dependents.add(new ArrayList<>());
        }
        for (int s = 0; s < n; s++) {
            pending[s] = dependencies[s].length;
            for (int d : dependencies[s]) {
                dependents.get(d).add(s);
            }
        }
        int[] order = new int[n];
        int placed = 0;
        java.util.ArrayDeque<Integer> ready = new java.util.ArrayDeque<>();
        for (int s = 0; s < n; s++) {
            if (pending[s] == 0) {
                ready.add(s);
            }
        }
        while (!ready.isEmpty()) {
            int s = ready.poll();
            order[placed++] = s;
            for (int dependent : dependents.get(s)) {
                if (--pending[dependent] == 0) {
                    ready.add(dependent);
                }
            }
        }
        return order;
    }

    private static Integer indexOf(String[] ids, String id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i].equals(id)) {
                return i;
            }
        }
        return null;
    }
}
