package org.rebound.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rebound.planning.Fixtures.QUICK;
import static org.rebound.planning.Fixtures.atStart;
import static org.rebound.planning.Fixtures.hours;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The checker on deliberately broken versions of a valid plan for the two-teams plant. */
class PlanCheckerTest {

    private final PlanningRequest request = atStart(Fixtures.twoTeams());
    private final Plan valid = Fixtures.planned(Planner.cpSat(), request, QUICK);

    @Test
    void acceptsTheValidPlan() {
        assertThat(PlanChecker.check(request, valid)).isEmpty();
    }

    @Test
    void catchesARestoreStartingBeforeItsTriageEnds() {
        Plan broken = moving("ad", ActivityKind.RESTORE, activity -> shift(activity, -3600));

        assertThat(PlanChecker.check(request, broken)).contains("restore ad starts before triage ad ends");
    }

    @Test
    void catchesATeamWithMoreWorkThanMembers() {
        PlannedActivity mesTriage = Fixtures.activity(valid, "mes", ActivityKind.TRIAGE);
        PlannedActivity erpTriage = Fixtures.activity(valid, "erp", ActivityKind.TRIAGE);
        PlannedActivity later = mesTriage.start().isAfter(erpTriage.start()) ? mesTriage : erpTriage;
        PlannedActivity earlier = later == mesTriage ? erpTriage : mesTriage;
        Plan broken = replacing(later, at(later, earlier.start()));

        assertThat(PlanChecker.check(request, broken)).anyMatch(violation ->
                violation.startsWith("apps has 2 members at work at") && violation.endsWith("but only 1 members"));
    }

    @Test
    void catchesWorkOnATeamWithoutTheSkill() {
        Plan broken = moving("erp", ActivityKind.TRIAGE, activity -> new PlannedActivity(activity.system(), activity.kind(),
                "identity", activity.start(), activity.end(), activity.status(), activity.why()));

        assertThat(PlanChecker.check(request, broken)).contains("triage erp is given to identity, which lacks the skill erp");
    }

    @Test
    void catchesAnActivityShorterThanItsWork() {
        Plan broken = moving("ad", ActivityKind.VALIDATE, activity -> new PlannedActivity(activity.system(), activity.kind(),
                activity.team(), activity.start(), activity.end().minusSeconds(1800), activity.status(), activity.why()));

        assertThat(PlanChecker.check(request, broken)).contains("validate ad spans 90 working minutes of identity but needs 120");
    }

    @Test
    void catchesWorkOutsideATeamsShift() {
        PlannedActivity laptops = Fixtures.activity(valid, "laptops", ActivityKind.RESTORE);
        Plan broken = replacing(laptops, new PlannedActivity("laptops", ActivityKind.RESTORE, "desk", hours(0), hours(10),
                PlannedActivity.Status.PLANNED, "forced"));

        assertThat(PlanChecker.check(request, broken)).contains("restore laptops starts outside desk's shift",
                "restore laptops spans 480 working minutes of desk but needs 600");
    }

    @Test
    void catchesAMissingActivity() {
        List<PlannedActivity> activities = new ArrayList<>(valid.activities());
        activities.remove(Fixtures.activity(valid, "mes", ActivityKind.VALIDATE));

        assertThat(PlanChecker.check(request, with(activities, valid.systems(), valid.processes())))
                .contains("validate mes is needed but not planned");
    }

    @Test
    void catchesAReconnectionBeforeValidationOrBeforeADependency() {
        List<SystemReturn> systems = valid.systems().stream()
                .map(system -> system.system().equals("erp") ? new SystemReturn("erp", hours(1), true, "forced") : system)
                .toList();

        List<String> violations = PlanChecker.check(request, with(valid.activities(), systems, valid.processes()));

        assertThat(violations).anyMatch(violation -> violation.startsWith("erp is reconnected at " + hours(1) + " before its recovery work ends"));
        assertThat(violations).anyMatch(violation -> violation.startsWith("erp is back at " + hours(1) + " before ad"));
    }

    @Test
    void catchesAnIgnoredPinAndNotBeforeTime() {
        PlannedActivity mesTriage = Fixtures.activity(valid, "mes", ActivityKind.TRIAGE);
        PlanningRequest constrained = request.with(new UserConstraints(
                Map.of(new ActivityKey("laptops", ActivityKind.RESTORE), hours(26)),
                Map.of(new ActivityKey("mes", ActivityKind.TRIAGE), mesTriage.start().plusSeconds(3600)),
                Map.of(), Map.of()));

        assertThat(PlanChecker.check(constrained, valid)).contains(
                "restore laptops is pinned to " + hours(26) + " but starts at " + hours(2),
                "triage mes starts at " + mesTriage.start() + ", before its not-before time " + mesTriage.start().plusSeconds(3600));
    }

    @Test
    void catchesAWrongProcessForecast() {
        List<ProcessForecast> processes = valid.processes().stream()
                .map(process -> process.process().equals("production")
                        ? new ProcessForecast("production", process.name(), hours(2), process.lossUntilRestored()) : process)
                .toList();

        assertThat(PlanChecker.check(request, with(valid.activities(), valid.systems(), processes)))
                .contains("production is forecast back at " + hours(2) + " but comes back at " + hours(9));
    }

    @Test
    void catchesTooManyValidationsAtACappedSite() {
        PlanningRequest capped = request.with(new UserConstraints(Map.of(), Map.of(), Map.of("hq", 1), Map.of()));
        PlannedActivity adValidate = Fixtures.activity(valid, "ad", ActivityKind.VALIDATE);
        Plan broken = moving("erp", ActivityKind.VALIDATE, activity -> at(activity, adValidate.start()));

        assertThat(PlanChecker.check(capped, broken)).anyMatch(violation ->
                violation.startsWith("site hq has 2 systems in validation at"));
    }

    private Plan moving(String system, ActivityKind kind, UnaryOperator<PlannedActivity> change) {
        PlannedActivity original = Fixtures.activity(valid, system, kind);
        return replacing(original, change.apply(original));
    }

    private Plan replacing(PlannedActivity original, PlannedActivity replacement) {
        List<PlannedActivity> activities = valid.activities().stream()
                .map(activity -> activity.equals(original) ? replacement : activity)
                .toList();
        return with(activities, valid.systems(), valid.processes());
    }

    private Plan with(List<PlannedActivity> activities, List<SystemReturn> systems, List<ProcessForecast> processes) {
        return new Plan(valid.engine(), valid.start(), activities, systems, processes, valid.backlogs(), valid.objective(),
                valid.bound(), valid.gap(), valid.optimal(), valid.totalLoss(), valid.allBack(), valid.solveTime());
    }

    private static PlannedActivity shift(PlannedActivity activity, long seconds) {
        return new PlannedActivity(activity.system(), activity.kind(), activity.team(), activity.start().plusSeconds(seconds),
                activity.end().plusSeconds(seconds), activity.status(), activity.why());
    }

    private static PlannedActivity at(PlannedActivity activity, Instant start) {
        return shift(activity, start.getEpochSecond() - activity.start().getEpochSecond());
    }
}
