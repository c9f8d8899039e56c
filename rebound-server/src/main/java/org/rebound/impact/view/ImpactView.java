package org.rebound.impact.view;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rebound.impact.BacklogStatus;
import org.rebound.impact.ImpactReport;
import org.rebound.impact.ProcessImpact;

/**
 * The impact at one instant, as JSON: every process with its state ({@code up}, {@code degraded},
 * {@code down}) and loss rate, every backlog's level, the unavailable systems, and the totals.
 *
 * @param scenario the scenario or incident the loss is counted from, or null when there is none
 * @param start    the instant loss is counted from
 */
public record ImpactView(
        String enterprise,
        String currency,
        @Nullable String scenario,
        Instant start,
        Instant at,
        double lossPerHour,
        double cumulativeLoss,
        long processesDown,
        long processesDegraded,
        long processesUp,
        List<ProcessView> processes,
        List<BacklogView> backlogs,
        List<String> unavailableSystems) {

    /** One process. {@code since} is when its current outage began, null when up. */
    public record ProcessView(String id, String name, @Nullable String site, String state, double lossPerHour,
                              double cumulativeLoss, @Nullable Instant since, List<String> unavailableRequirements) {

        static ProcessView of(ProcessImpact impact) {
            return new ProcessView(impact.id(), impact.name(), impact.site(), impact.state().id(), impact.lossPerHour(),
                    impact.cumulativeLoss(), impact.since(), impact.unavailableRequirements());
        }
    }

    /** One backlog. {@code clears_at} is null unless its process is up and it is being worked off. */
    public record BacklogView(String id, String process, String unit, double level, @Nullable Instant clearsAt) {

        static BacklogView of(BacklogStatus status) {
            return new BacklogView(status.id(), status.process(), status.unit(), status.level(), status.clearsAt());
        }
    }

    public static ImpactView of(ImpactReport report, @Nullable String scenario, List<String> unavailableSystems) {
        return new ImpactView(
                report.enterprise(),
                report.currency(),
                scenario,
                report.start(),
                report.at(),
                report.lossPerHour(),
                report.cumulativeLoss(),
                report.count(org.rebound.impact.ProcessState.DOWN),
                report.count(org.rebound.impact.ProcessState.DEGRADED),
                report.count(org.rebound.impact.ProcessState.UP),
                report.processes().stream().map(ProcessView::of).toList(),
                report.backlogs().stream().map(BacklogView::of).toList(),
                List.copyOf(unavailableSystems));
    }
}
