package org.rebound.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.rebound.model.Enterprise;
import org.rebound.model.generate.EnterpriseGenerator;

class PlannerProperties {

    @Property(tries = 25)
    void everyHeuristicPlanOfAGeneratedIncidentPassesTheChecker(@ForAll @IntRange(min = 10, max = 400) int systems,
                                                                @ForAll long seed) {
        Enterprise enterprise = EnterpriseGenerator.generate(systems, seed);

        Fixtures.planned(Planner.heuristic(), Fixtures.atStart(enterprise), SolveSettings.defaults());
    }

    @Property(tries = 6)
    void theExactEnginesPlanPassesTheCheckerAndLosesNoMoreThanTheHeuristics(
            @ForAll @IntRange(min = 10, max = 150) int systems, @ForAll long seed) {
        Enterprise enterprise = EnterpriseGenerator.generate(systems, seed);
        PlanningRequest request = Fixtures.atStart(enterprise);
        SolveSettings settings = new SolveSettings(Duration.ofMillis(500), 1, 1);

        Plan heuristic = Fixtures.planned(Planner.heuristic(), request, settings);
        Plan exact = Fixtures.planned(Planner.cpSat(), request, settings);

        assertThat(exact.objective()).isLessThanOrEqualTo(heuristic.objective() * (1 + 1e-9) + 1e-6);
        assertThat(exact.bound()).isNotNull();
        assertThat(exact.bound()).isLessThanOrEqualTo(exact.objective() + 1e-6);
    }

    @Property(tries = 15)
    void replanningPartWayThroughKeepsTheProgressAndPassesTheChecker(@ForAll @IntRange(min = 10, max = 200) int systems,
                                                                     @ForAll long seed) {
        Enterprise enterprise = EnterpriseGenerator.generate(systems, seed);
        PlanningRequest start = Fixtures.atStart(enterprise);
        Plan first = Fixtures.planned(Planner.heuristic(), start, SolveSettings.defaults());
        SplittableRandom random = new SplittableRandom(seed);
        var now = start.origin().plus(Duration.ofHours(1 + random.nextInt(24)));
        Map<ActivityKey, ActivityProgress> progress = new HashMap<>();
        for (PlannedActivity activity : first.activities()) {
            if (!activity.end().isAfter(now)) {
                progress.put(activity.key(), new ActivityProgress.Done(activity.team(), activity.start(), activity.end()));
            } else if (activity.start().isBefore(now)) {
                Duration left = Duration.between(now, activity.end());
                progress.put(activity.key(), new ActivityProgress.InProgress(activity.team(), activity.start(),
                        Duration.ofHours((left.toMinutes() + 59) / 60)));
            }
        }

        Plan replanned = Fixtures.planned(Planner.heuristic(), start.withNow(now).with(progress), SolveSettings.defaults());

        assertThat(replanned.activities()).filteredOn(activity -> activity.status() == PlannedActivity.Status.PLANNED)
                .allMatch(activity -> !activity.start().isBefore(now));
        assertThat(replanned.activities()).filteredOn(activity -> activity.status() == PlannedActivity.Status.DONE)
                .hasSize((int) progress.values().stream().filter(known -> known instanceof ActivityProgress.Done).count());
    }
}
