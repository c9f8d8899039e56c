package org.rebound.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.rebound.planning.Fixtures.QUICK;
import static org.rebound.planning.Fixtures.activity;
import static org.rebound.planning.Fixtures.atStart;
import static org.rebound.planning.Fixtures.hours;
import static org.rebound.planning.Fixtures.planned;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rebound.impact.StateChange;
import org.rebound.model.Enterprise;
import org.rebound.model.SystemState;

/**
 * The two-teams plant under attack at 06:00: AD (8 h of work for two engineers), then the ERP can be
 * reconnected; one applications engineer rebuilds the ERP (5 h) and the MES (4 h) one after the
 * other; the laptops need 10 h from a team working 08:00-16:00.
 */
class PlannerTest {

    private final Enterprise plant = Fixtures.twoTeams();

    static Stream<PlanningEngine> engines() {
        return Stream.of(Planner.heuristic(), Planner.cpSat());
    }

    @Test
    void theNaiveBaselinePlansValidlyButLosesAtLeastAsMuchAsTheOptimisedPlanOnTheDemo() {
        Enterprise demo = org.rebound.model.demo.DemoEnterprise.load();

        Plan naive = planned(Planner.naive(), atStart(demo), QUICK);
        Plan heuristic = planned(Planner.heuristic(), atStart(demo), QUICK);

        assertThat(naive.engine()).isEqualTo("naive");
        assertThat(naive.objective()).isGreaterThanOrEqualTo(heuristic.objective());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void plansTriageRestoreAndValidationOfEveryCompromisedSystemOnATeamWithItsSkill(PlanningEngine engine) {
        Plan plan = planned(engine, atStart(plant), QUICK);

        assertThat(plan.activities()).extracting(PlannedActivity::key).containsExactlyInAnyOrder(
                new ActivityKey("ad", ActivityKind.TRIAGE), new ActivityKey("ad", ActivityKind.RESTORE),
                new ActivityKey("ad", ActivityKind.VALIDATE), new ActivityKey("erp", ActivityKind.TRIAGE),
                new ActivityKey("erp", ActivityKind.RESTORE), new ActivityKey("erp", ActivityKind.VALIDATE),
                new ActivityKey("mes", ActivityKind.TRIAGE), new ActivityKey("mes", ActivityKind.RESTORE),
                new ActivityKey("mes", ActivityKind.VALIDATE), new ActivityKey("laptops", ActivityKind.RESTORE));
        assertThat(activity(plan, "ad", ActivityKind.TRIAGE).team()).isEqualTo("identity");
        assertThat(activity(plan, "erp", ActivityKind.RESTORE).team()).isEqualTo("apps");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aSystemIsReconnectedOnlyOnceItsDependenciesAreBack(PlanningEngine engine) {
        Plan plan = planned(engine, atStart(plant), QUICK);

        SystemReturn erp = plan.systems().stream().filter(system -> system.system().equals("erp")).findFirst().orElseThrow();
        SystemReturn line = plan.systems().stream().filter(system -> system.system().equals("line")).findFirst().orElseThrow();
        assertThat(erp.back()).isAfterOrEqualTo(hours(8));
        assertThat(line.recovered()).as("the line needs no work, only its MES").isFalse();
        assertThat(line.back()).isEqualTo(plan.systems().stream().filter(system -> system.system().equals("mes")).findFirst().orElseThrow().back());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void findsTheBestOrderAndStretchesWorkOverShifts(PlanningEngine engine) {
        Plan plan = planned(engine, atStart(plant), QUICK);

        assertThat(forecast(plan, "production")).as("apps works 9 h, the ERP waits for AD until 8 h").isEqualTo(hours(9));
        assertThat(activity(plan, "laptops", ActivityKind.RESTORE).start()).isEqualTo(hours(2));
        assertThat(forecast(plan, "office")).as("8 h on day one, 2 h the next morning").isEqualTo(hours(28));
        double office = 4 * 100 + 24 * (100 * 0.5 + 10);
        assertThat(plan.objective()).isCloseTo(9 * 1000 + office, within(0.01));
        assertThat(plan.totalLoss()).isCloseTo(plan.objective(), within(0.01));
        assertThat(plan.allBack()).isEqualTo(hours(28));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void explainsWhyEachActivityStartsWhenItDoes(PlanningEngine engine) {
        Plan plan = planned(engine, atStart(plant), QUICK);

        assertThat(activity(plan, "ad", ActivityKind.RESTORE).why()).isEqualTo("right after triage of ad");
        assertThat(activity(plan, "laptops", ActivityKind.RESTORE).why()).isEqualTo("at the start of desk's shift");
        PlannedActivity secondOnApps = Stream.of(activity(plan, "erp", ActivityKind.TRIAGE), activity(plan, "mes", ActivityKind.TRIAGE))
                .filter(activity -> activity.start().isAfter(Fixtures.START)).findFirst().orElseThrow();
        assertThat(secondOnApps.why()).isEqualTo("waiting for apps: all 1 members busy until then");
        assertThat(plan.systems()).filteredOn(system -> system.system().equals("line")).singleElement()
                .extracting(SystemReturn::why).isEqualTo("back once mes is back");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void reportsWhenEachBacklogIsWorkedOff(PlanningEngine engine) {
        Plan plan = planned(engine, atStart(plant), QUICK);

        BacklogForecast orders = plan.backlogs().get(0);
        assertThat(orders.peak()).isCloseTo(90, within(1e-6));
        assertThat(orders.cleared()).as("90 orders at 20 an hour after 9 h").isEqualTo(hours(9 + 4.5));
    }

    @Test
    void theExactEngineProvesTheSmallPlanOptimal() {
        Plan plan = planned(Planner.cpSat(), atStart(plant), QUICK);

        assertThat(plan.optimal()).isTrue();
        assertThat(plan.bound()).isNotNull();
        assertThat(plan.gap()).isCloseTo(0, within(0.001));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void replansTheRemainderKeepingWhatIsDoneAndUnderWay(PlanningEngine engine) {
        Instant now = hours(3);
        PlanningRequest request = atStart(plant).withNow(now).with(Map.of(
                new ActivityKey("ad", ActivityKind.TRIAGE), new ActivityProgress.Done("identity", hours(0), hours(2)),
                new ActivityKey("ad", ActivityKind.RESTORE), new ActivityProgress.InProgress("identity", hours(2), Duration.ofHours(3)),
                new ActivityKey("mes", ActivityKind.TRIAGE), new ActivityProgress.InProgress("apps", hours(0), Duration.ofHours(1))));

        Plan plan = planned(engine, request, QUICK);

        assertThat(activity(plan, "ad", ActivityKind.TRIAGE).status()).isEqualTo(PlannedActivity.Status.DONE);
        PlannedActivity restore = activity(plan, "ad", ActivityKind.RESTORE);
        assertThat(restore.status()).isEqualTo(PlannedActivity.Status.IN_PROGRESS);
        assertThat(restore.start()).isEqualTo(hours(2));
        assertThat(restore.end()).isEqualTo(hours(6));
        assertThat(activity(plan, "ad", ActivityKind.VALIDATE).start()).isEqualTo(hours(6));
        assertThat(activity(plan, "mes", ActivityKind.RESTORE).start()).isAfterOrEqualTo(hours(4));
        assertThat(plan.start()).isEqualTo(now);
        assertThat(plan.totalLoss()).isGreaterThan(plan.objective());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void respectsPinsNotBeforeTimesSiteCapsAndBoosts(PlanningEngine engine) {
        PlanningRequest request = atStart(plant).with(new UserConstraints(
                Map.of(new ActivityKey("laptops", ActivityKind.RESTORE), hours(26)),
                Map.of(new ActivityKey("mes", ActivityKind.TRIAGE), hours(5)),
                Map.of("hq", 1),
                Map.of()));

        Plan plan = planned(engine, request, QUICK);

        assertThat(activity(plan, "laptops", ActivityKind.RESTORE).start()).isEqualTo(hours(26));
        assertThat(activity(plan, "laptops", ActivityKind.RESTORE).why()).startsWith("pinned to start at");
        assertThat(activity(plan, "mes", ActivityKind.TRIAGE).start()).isAfterOrEqualTo(hours(5));
    }

    @Test
    void aBoostBringsASystemBackSoonerThanItsLossAloneWould() {
        Plan plain = planned(Planner.cpSat(), atStart(plant), QUICK);
        Plan boosted = planned(Planner.cpSat(), atStart(plant).with(new UserConstraints(Map.of(), Map.of(), Map.of(),
                Map.of("mes", 50.0))), QUICK);

        Instant mesPlain = back(plain, "mes");
        Instant mesBoosted = back(boosted, "mes");
        assertThat(mesBoosted).isBefore(hours(5)).isBeforeOrEqualTo(mesPlain);
    }

    @Test
    void anIsolatedSystemNeedsOnlyItsForensicClearance() {
        PlanningRequest request = new PlanningRequest(plant, Fixtures.START,
                List.of(new StateChange(Fixtures.START, "mes", SystemState.ISOLATED)), Fixtures.START, Map.of(), UserConstraints.none());

        Plan plan = planned(Planner.heuristic(), request, QUICK);

        assertThat(plan.activities()).extracting(PlannedActivity::key).containsExactly(new ActivityKey("mes", ActivityKind.TRIAGE));
        assertThat(forecast(plan, "production")).isEqualTo(hours(1));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aPinBeforeThePreviousStepCanEndIsReportedAsInfeasible(PlanningEngine engine) {
        PlanningRequest request = atStart(plant).with(new UserConstraints(
                Map.of(new ActivityKey("ad", ActivityKind.RESTORE), hours(1)), Map.of(), Map.of(), Map.of()));

        PlanOutcome outcome = engine.plan(request, QUICK);

        assertThat(outcome).isInstanceOfSatisfying(PlanOutcome.Infeasible.class,
                infeasible -> assertThat(infeasible.reasons()).singleElement().asString().contains("pin"));
    }

    @Test
    void refusesToPlanASystemTheModelGivesNoRecoveryWork() {
        PlanningRequest request = new PlanningRequest(plant, Fixtures.START,
                List.of(new StateChange(Fixtures.START, "line", SystemState.COMPROMISED)), Fixtures.START, Map.of(), UserConstraints.none());

        PlanOutcome outcome = Planner.heuristic().plan(request, QUICK);

        assertThat(outcome).isEqualTo(new PlanOutcome.Infeasible(List.of(
                "the model gives no recovery work for line (add recovery: {triage, restore, validate})")));
    }

    @Test
    void theSameSeedAndThreadsGiveTheSamePlan() {
        Enterprise demo = org.rebound.model.demo.DemoEnterprise.load();
        SolveSettings settings = new SolveSettings(Duration.ofSeconds(1), 2, 7, true);

        Plan first = planned(Planner.cpSat(), atStart(demo), settings);
        Plan second = planned(Planner.cpSat(), atStart(demo), settings);

        assertThat(second.activities()).isEqualTo(first.activities());
        assertThat(second.objective()).isEqualTo(first.objective());
    }

    private static Instant forecast(Plan plan, String process) {
        return plan.processes().stream().filter(forecast -> forecast.process().equals(process)).findFirst().orElseThrow().restored();
    }

    private static Instant back(Plan plan, String system) {
        return plan.systems().stream().filter(returned -> returned.system().equals(system)).findFirst().orElseThrow().back();
    }
}
