package org.rebound.readiness.view;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rebound.model.Enterprise;
import org.rebound.model.Scenario;
import org.rebound.obligations.view.ObligationsView.ObligationView;
import org.rebound.planning.MonteCarloForecast.LossForecast;
import org.rebound.readiness.Tabletop;

/**
 * A tabletop exercise as JSON (docs/readiness.md): the scenario, the impact when it strikes, the plan's
 * loss and end, each process's planned, P50 and P90 restart, the expected loss, single points of
 * failure, the systems whose faster recovery saves most, and the duties that would trigger.
 */
public record TabletopView(ScenarioView scenario, ImpactView impact, PlanSummary plan, List<ProcessView> processes,
                           LossForecast expectedLoss, List<SinglePointView> singlePointsOfFailure, List<SpeedupView> sensitivity,
                           List<ObligationView> duties, List<String> notes) {

    public record ScenarioView(String id, Instant start, List<String> compromised, List<String> exfiltrated) {
    }

    public record ImpactView(String currency, double lossPerHour, long processesDown, long processesDegraded, long processes) {
    }

    public record PlanSummary(String engine, int activities, double totalLoss, Instant allBack) {
    }

    public record ProcessView(String process, @Nullable String name, Instant planned, Instant p50, Instant p90) {
    }

    public record SinglePointView(String system, List<String> processes, double costPerHour) {
    }

    public record SpeedupView(String system, String name, double lossSaved) {
    }

    /** Two model variants on one scenario; {@code expected_saving} is how much less the second is expected to lose. */
    public record ComparisonView(ScenarioView scenario, VariantView first, VariantView second, double expectedSaving) {

        public static ComparisonView of(Tabletop.Comparison comparison) {
            return new ComparisonView(TabletopView.scenario(comparison.scenario()), VariantView.of(comparison.first()),
                    VariantView.of(comparison.second()), comparison.expectedSaving());
        }
    }

    public record VariantView(String name, double plannedLoss, LossForecast expectedLoss, Instant allBack) {
        static VariantView of(Tabletop.Variant variant) {
            return new VariantView(variant.name(), variant.plannedLoss(), variant.expectedLoss(), variant.allBack());
        }
    }

    public static TabletopView of(Enterprise enterprise, Tabletop.Result result) {
        Tabletop.Impact impact = result.impact();
        return new TabletopView(scenario(result.scenario()),
                new ImpactView(impact.currency(), impact.lossPerHour(), impact.processesDown(), impact.processesDegraded(), impact.processes()),
                new PlanSummary(result.plan().engine(), result.plan().activities().size(), result.plan().totalLoss(), result.plan().allBack()),
                result.outlook().stream().map(process -> new ProcessView(process.process(),
                        enterprise.process(process.process()).map(found -> found.name()).orElse(null), process.planned(), process.p50(),
                        process.p90())).toList(),
                result.expectedLoss(),
                result.singlePointsOfFailure().stream()
                        .map(point -> new SinglePointView(point.system(), point.processes(), point.costPerHour())).toList(),
                result.sensitivity().stream().map(speedup -> new SpeedupView(speedup.system(), speedup.name(), speedup.lossSaved())).toList(),
                result.duties().stream().map(ObligationView::of).toList(),
                result.notes());
    }

    static ScenarioView scenario(Scenario scenario) {
        return new ScenarioView(scenario.id(), scenario.start(), scenario.compromised(), scenario.exfiltrated());
    }
}
