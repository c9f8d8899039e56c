package org.rebound.planning;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rebound.impact.ImpactModel;
import org.rebound.impact.LiveImpact;
import org.rebound.impact.StateChange;
import org.rebound.model.BusinessProcess;
import org.rebound.model.Enterprise;
import org.rebound.model.EnterpriseSystem;
import org.rebound.model.Recovery;
import org.rebound.model.Shift;
import org.rebound.model.SystemState;
import org.rebound.model.Team;

/**
 * Checks a plan against its request, independently of the engines: it derives the work needed from
 * the model and the state history itself, counts working time minute by minute against the teams'
 * shifts, and sweeps each team's activities for overload. A plan any engine returns must pass.
 */
public final class PlanChecker {

    private final PlanningRequest request;
    private final Plan plan;
    private final Enterprise enterprise;
    private final List<String> violations = new ArrayList<>();

    private PlanChecker(PlanningRequest request, Plan plan) {
        this.request = request;
        this.plan = plan;
        this.enterprise = request.enterprise();
    }

    /** Every rule the plan breaks, one line each; empty when the plan is valid. */
    public static List<String> check(PlanningRequest request, Plan plan) {
        PlanChecker checker = new PlanChecker(request, plan);
        checker.run();
        return List.copyOf(checker.violations);
    }

    private void run() {
        LiveImpact live = LiveImpact.allOperational(ImpactModel.of(enterprise));
        request.history().stream().sorted(Comparator.comparing(StateChange::at))
                .forEach(change -> live.set(change.system(), change.state()));
        checkActivitiesMatchTheWorkNeeded(live);
        checkEachActivity();
        checkStepOrder();
        checkTeamCapacity();
        checkSiteCaps();
        checkReconnections(live);
        checkProcessForecasts(live);
    }

    private void checkActivitiesMatchTheWorkNeeded(LiveImpact live) {
        Set<ActivityKey> needed = new HashSet<>();
        for (EnterpriseSystem system : enterprise.systems()) {
            SystemState state = live.state(system.id());
            if (state.isOperable() || system.recovery() == null) {
                continue;
            }
            List<ActivityKind> kinds = state == SystemState.ISOLATED ? List.of(ActivityKind.TRIAGE) : List.of(ActivityKind.values());
            ActivityKind furthestStarted = null;
            for (ActivityKind kind : kinds) {
                if (request.progress().get(new ActivityKey(system.id(), kind)) instanceof ActivityProgress.InProgress) {
                    furthestStarted = kind;
                }
            }
            for (ActivityKind kind : kinds) {
                ActivityKey key = new ActivityKey(system.id(), kind);
                boolean finished = request.progress().get(key) instanceof ActivityProgress.Done
                        || (furthestStarted != null && kind.ordinal() < furthestStarted.ordinal());
                boolean empty = !request.progress().containsKey(key) && kind.likely(system.recovery()).isZero();
                if (!finished && !empty) {
                    needed.add(key);
                }
            }
        }
        Set<ActivityKey> planned = new HashSet<>();
        for (PlannedActivity activity : plan.activities()) {
            if (activity.status() == PlannedActivity.Status.DONE) {
                continue;
            }
            if (!planned.add(activity.key())) {
                violations.add(activity.key() + " is planned twice");
            }
            if (!needed.contains(activity.key())) {
                violations.add(activity.key() + " is planned but not needed");
            }
        }
        needed.stream().filter(key -> !planned.contains(key)).sorted(Comparator.comparing(ActivityKey::toString))
                .forEach(key -> violations.add(key + " is needed but not planned"));
    }

    private void checkEachActivity() {
        for (PlannedActivity activity : plan.activities()) {
            if (activity.status() == PlannedActivity.Status.DONE) {
                continue;
            }
            EnterpriseSystem system = enterprise.system(activity.system()).orElse(null);
            Team team = enterprise.teams().stream().filter(candidate -> candidate.id().equals(activity.team())).findFirst().orElse(null);
            if (system == null || team == null || system.recovery() == null) {
                violations.add(activity.key() + " names an unknown system or team");
                continue;
            }
            Recovery recovery = system.recovery();
            if (system.skill() == null || !team.has(system.skill())) {
                violations.add(activity.key() + " is given to " + team.id() + ", which lacks the skill " + system.skill());
            }
            if (team.members() < recovery.crew()) {
                violations.add(activity.key() + " needs a crew of " + recovery.crew() + " but " + team.id() + " has " + team.members());
            }
            if (!activity.end().isAfter(activity.start())) {
                violations.add(activity.key() + " ends at or before its start");
            }
            if (activity.status() == PlannedActivity.Status.IN_PROGRESS) {
                ActivityProgress progress = request.progress().get(activity.key());
                if (!(progress instanceof ActivityProgress.InProgress underway) || !underway.start().equals(activity.start())
                        || !underway.team().equals(activity.team())) {
                    violations.add(activity.key() + " is shown under way but does not match the recorded progress");
                } else if (workingMinutes(team.shift(), request.now(), activity.end()) < underway.remaining().toMinutes()) {
                    violations.add(activity.key() + " ends before its remaining " + underway.remaining() + " of work is done");
                }
                continue;
            }
            if (activity.start().isBefore(request.now())) {
                violations.add(activity.key() + " starts at " + activity.start() + ", before the plan's start " + request.now());
            }
            long needed = activity.kind().likely(recovery).toMinutes();
            long worked = workingMinutes(team.shift(), activity.start(), activity.end());
            if (worked != needed) {
                violations.add(activity.key() + " spans " + worked + " working minutes of " + team.id() + " but needs " + needed);
            }
            if (team.shift() != null && !team.shift().isWorking(activity.start())) {
                violations.add(activity.key() + " starts outside " + team.id() + "'s shift");
            }
            Instant pin = request.constraints().pins().get(activity.key());
            if (pin != null && !pin.equals(activity.start())) {
                violations.add(activity.key() + " is pinned to " + pin + " but starts at " + activity.start());
            }
            Instant notBefore = request.constraints().notBefore().get(activity.key());
            if (notBefore != null && activity.start().isBefore(notBefore)) {
                violations.add(activity.key() + " starts at " + activity.start() + ", before its not-before time " + notBefore);
            }
        }
    }

    private void checkStepOrder() {
        Map<String, List<PlannedActivity>> bySystem = new HashMap<>();
        plan.activities().forEach(activity -> bySystem.computeIfAbsent(activity.system(), key -> new ArrayList<>()).add(activity));
        bySystem.values().forEach(steps -> {
            steps.sort(Comparator.comparing(PlannedActivity::kind));
            for (int i = 1; i < steps.size(); i++) {
                if (steps.get(i).start().isBefore(steps.get(i - 1).end())) {
                    violations.add(steps.get(i).key() + " starts before " + steps.get(i - 1).key() + " ends");
                }
            }
        });
    }

    private void checkTeamCapacity() {
        for (Team team : enterprise.teams()) {
            List<long[]> events = new ArrayList<>();
            for (PlannedActivity activity : plan.activities()) {
                if (activity.status() != PlannedActivity.Status.DONE && activity.team().equals(team.id())) {
                    int crew = enterprise.system(activity.system()).map(EnterpriseSystem::recovery).map(Recovery::crew).orElse(1);
                    Instant from = activity.start().isBefore(request.now()) ? request.now() : activity.start();
                    events.add(new long[] {from.getEpochSecond(), crew});
                    events.add(new long[] {activity.end().getEpochSecond(), -crew});
                }
            }
            events.sort(Comparator.<long[]>comparingLong(event -> event[0]).thenComparingLong(event -> event[1]));
            long busy = 0;
            for (long[] event : events) {
                busy += event[1];
                if (busy > team.members()) {
                    violations.add(team.id() + " has " + busy + " members at work at " + Instant.ofEpochSecond(event[0])
                            + " but only " + team.members() + " members");
                    break;
                }
            }
        }
    }

    private void checkSiteCaps() {
        request.constraints().siteCaps().forEach((site, cap) -> {
            List<long[]> events = new ArrayList<>();
            for (PlannedActivity activity : plan.activities()) {
                boolean atSite = enterprise.system(activity.system()).map(system -> site.equals(system.site())).orElse(false);
                if (activity.status() != PlannedActivity.Status.DONE && activity.kind() == ActivityKind.VALIDATE && atSite) {
                    events.add(new long[] {activity.start().getEpochSecond(), 1});
                    events.add(new long[] {activity.end().getEpochSecond(), -1});
                }
            }
            events.sort(Comparator.<long[]>comparingLong(event -> event[0]).thenComparingLong(event -> event[1]));
            long concurrent = 0;
            for (long[] event : events) {
                concurrent += event[1];
                if (concurrent > cap) {
                    violations.add("site " + site + " has " + concurrent + " systems in validation at "
                            + Instant.ofEpochSecond(event[0]) + " but its cap is " + cap);
                    break;
                }
            }
        });
    }

    private void checkReconnections(LiveImpact live) {
        Map<String, Instant> back = new HashMap<>();
        plan.systems().forEach(system -> back.put(system.system(), system.back()));
        Map<String, Instant> workEnd = new HashMap<>();
        plan.activities().forEach(activity -> workEnd.merge(activity.system(), activity.end(), (a, b) -> a.isAfter(b) ? a : b));
        for (String system : live.availability().unavailableSystems()) {
            Instant returned = back.get(system);
            if (returned == null) {
                violations.add(system + " is unavailable but the plan never brings it back");
                continue;
            }
            Instant cleared = workEnd.get(system);
            if (cleared != null && returned.isBefore(cleared)) {
                violations.add(system + " is reconnected at " + returned + " before its recovery work ends at " + cleared);
            }
            for (String dependency : enterprise.system(system).orElseThrow().dependsOn()) {
                Instant dependencyBack = back.get(dependency);
                if (dependencyBack != null && returned.isBefore(dependencyBack)) {
                    violations.add(system + " is back at " + returned + " before " + dependency + ", which it depends on, at " + dependencyBack);
                }
            }
        }
    }

    /** Replays the plan's returns in time order and checks each waiting process comes back when the plan says. */
    private void checkProcessForecasts(LiveImpact live) {
        Map<String, Instant> upAt = new HashMap<>();
        List<SystemReturn> returns = plan.systems().stream().filter(SystemReturn::recovered)
                .sorted(Comparator.comparing(SystemReturn::back)).toList();
        for (SystemReturn system : returns) {
            live.set(system.system(), SystemState.RESTORED);
            for (BusinessProcess process : enterprise.processes()) {
                if (live.isUp(process.id())) {
                    upAt.putIfAbsent(process.id(), system.back());
                }
            }
        }
        for (ProcessForecast forecast : plan.processes()) {
            Instant expected = upAt.get(forecast.process());
            if (expected == null) {
                violations.add(forecast.process() + " never comes back when the plan's systems return");
            } else if (!expected.equals(forecast.restored()) && expected.isAfter(request.now())) {
                violations.add(forecast.process() + " is forecast back at " + forecast.restored() + " but comes back at " + expected);
            }
        }
    }

    private static long workingMinutes(Shift shift, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        if (shift == null) {
            return Duration.between(from, to).toMinutes();
        }
        long minutes = 0;
        for (Instant minute = from; minute.isBefore(to); minute = minute.plusSeconds(60)) {
            if (shift.isWorking(minute)) {
                minutes++;
            }
        }
        return minutes;
    }
}
