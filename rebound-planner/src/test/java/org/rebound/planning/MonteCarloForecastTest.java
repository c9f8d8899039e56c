package org.rebound.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.rebound.planning.Fixtures.QUICK;
import static org.rebound.planning.Fixtures.hours;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.rebound.model.Enterprise;
import org.rebound.model.io.ModelLoad;
import org.rebound.model.io.ModelReader;

class MonteCarloForecastTest {

    @Test
    void withExactEstimatesEverySampleGivesThePlannedDate() {
        PlanningRequest request = Fixtures.atStart(Fixtures.twoTeams());
        Plan plan = Fixtures.planned(Planner.heuristic(), request, QUICK);

        List<ProcessOutlook> outlook = MonteCarloForecast.forecast(request, plan, 1_000, 1);

        assertThat(outlook).allSatisfy(process -> {
            assertThat(process.p50()).isEqualTo(process.planned());
            assertThat(process.p90()).isEqualTo(process.planned());
        });
    }

    @Test
    void anUncertainRestoreSpreadsTheDatesOfTheProcessesWaitingOnIt() throws Exception {
        String yaml = Files.readString(Path.of("src/test/resources/two-teams.yaml"))
                .replace("recovery: {triage: 1h, restore: 3h, validate: 1h}}", "recovery: {triage: 1h, restore: {min: 2h, likely: 3h, max: 24h}, validate: 1h}}");
        Enterprise plant = ((ModelLoad.Loaded) ModelReader.read("uncertain.yaml", yaml)).enterprise();
        PlanningRequest request = Fixtures.atStart(plant);
        Plan plan = Fixtures.planned(Planner.heuristic(), request, QUICK);

        ProcessOutlook production = MonteCarloForecast.forecast(request, plan, 2_000, 7).stream()
                .filter(process -> process.process().equals("production")).findFirst().orElseThrow();

        assertThat(production.planned()).isEqualTo(hours(9));
        assertThat(production.p50()).isAfter(production.planned());
        assertThat(production.p90()).isAfter(production.p50()).isBeforeOrEqualTo(hours(9 + 21));
        assertThat(MonteCarloForecast.forecast(request, plan, 2_000, 7)).as("the same seed, the same forecast")
                .contains(production);
    }

    @Property
    void triangularSamplesStayWithinTheEstimateAndAverageItsMean(@ForAll @DoubleRange(min = 0, max = 100) double min,
                                                                 @ForAll @DoubleRange(min = 0, max = 100) double spreadToLikely,
                                                                 @ForAll @DoubleRange(min = 0, max = 100) double spreadToMax) {
        double likely = min + spreadToLikely;
        double max = likely + spreadToMax;
        SplittableRandom random = new SplittableRandom(42);
        double sum = 0;
        int samples = 20_000;
        for (int i = 0; i < samples; i++) {
            double value = MonteCarloForecast.triangular(random, min, likely, max);
            assertThat(value).isBetween(min - 1e-9, max + 1e-9);
            sum += value;
        }
        assertThat(sum / samples).isCloseTo((min + likely + max) / 3, within(0.02 * (max - min) + 1e-9));
    }
}
