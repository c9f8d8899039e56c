package org.rebound.planning.view;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rebound.planning.BacklogForecast;
import org.rebound.planning.Plan;
import org.rebound.planning.PlannedActivity;
import org.rebound.planning.ProcessOutlook;
import org.rebound.planning.SystemReturn;

/**
 * A recovery plan as JSON: activities with {@code system}, {@code kind} ({@code triage},
 * {@code restore}, {@code validate}), {@code team}, {@code start} and {@code end}; systems with when
 * they are back; processes with their restoration time (and P50/P90 when forecast); backlogs with
 * when they clear; the objective (loss until every process is back), the proven bound and the gap.
 */
public record PlanView(
        String enterprise,
        String currency,
        @Nullable String scenario,
        String engine,
        Instant start,
        double objective,
        @Nullable Double bound,
        @Nullable Double gap,
        boolean optimal,
        double totalLoss,
        Instant allBack,
        long solveTimeMs,
        List<ActivityView> activities,
        List<SystemReturn> systems,
        List<ProcessView> processes,
        List<BacklogForecast> backlogs) {

    /** One activity. */
    public record ActivityView(String system, String kind, String team, Instant start, Instant end, String status, String why) {
        static ActivityView of(PlannedActivity activity) {
            return new ActivityView(activity.system(), activity.kind().id(), activity.team(), activity.start(), activity.end(),
                    activity.status().id(), activity.why());
        }
    }

    /** One process that is not up at the plan's start; {@code p50} and {@code p90} are null unless forecast. */
    public record ProcessView(String process, String name, Instant restored, double lossUntilRestored,
                              @Nullable Instant p50, @Nullable Instant p90) {
    }

    public static PlanView of(String enterprise, String currency, @Nullable String scenario, Plan plan, List<ProcessOutlook> outlook) {
        Map<String, ProcessOutlook> byProcess = new HashMap<>();
        outlook.forEach(process -> byProcess.put(process.process(), process));
        return new PlanView(enterprise, currency, scenario, plan.engine(), plan.start(), plan.objective(), plan.bound(), plan.gap(),
                plan.optimal(), plan.totalLoss(), plan.allBack(), plan.solveTime().toMillis(),
                plan.activities().stream().map(ActivityView::of).toList(),
                plan.systems(),
                plan.processes().stream().map(process -> {
                    ProcessOutlook forecast = byProcess.get(process.process());
                    return new ProcessView(process.process(), process.name(), process.restored(), process.lossUntilRestored(),
                            forecast == null ? null : forecast.p50(), forecast == null ? null : forecast.p90());
                }).toList(),
                plan.backlogs());
    }
}
