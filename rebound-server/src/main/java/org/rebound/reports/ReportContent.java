package org.rebound.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rebound.impact.application.ImpactHistory;
import org.rebound.incident.application.Incidents.TimelineItem;
import org.rebound.incident.persistence.IncidentStore.StoredIncident;
import org.rebound.incident.persistence.ObservableStore.StoredObservable;
import org.rebound.obligations.Obligation;
import org.rebound.obligations.ObligationStatus;
import org.rebound.obligations.persistence.ObligationStore.Notice;

/**
 * What a post-incident report and an executive status report say about one incident, gathered at
 * one instant from every capability: the incident and its timeline, the business impact, the
 * recovery plan against what happened, the ATT&CK techniques and indicators, the notification
 * duties and notices, and the lessons learned.
 *
 * @param impact the impact of the incident's scenario, or null when the incident is not the one the
 *     enterprise model's live scenario describes
 * @param peopleAffected people affected as counted for the notification duties (recorded or from breach registers)
 */
public record ReportContent(StoredIncident incident, Instant generatedAt, String generatedBy, List<TimelineItem> timeline,
                            List<TechniqueRow> techniques, List<StoredObservable> indicators, @Nullable ImpactHistory impact,
                            List<PlanRow> planVsActual, @Nullable Instant plannedAllBack, @Nullable Instant expectedAllBack,
                            List<Obligation> duties, List<Notice> notices, long peopleAffected, Lessons lessons) {

    public ReportContent {
        timeline = List.copyOf(timeline);
        techniques = List.copyOf(techniques);
        indicators = List.copyOf(indicators);
        planVsActual = List.copyOf(planVsActual);
        duties = List.copyOf(duties);
        notices = List.copyOf(notices);
    }

    public record TechniqueRow(String id, String name, String tactics, Instant notedAt) {
    }

    /**
     * One process in the recovery: when the first plan of the incident said it would be back, when the
     * latest plan expects it, and when it actually came back (null while it is not).
     */
    public record PlanRow(String process, String name, @Nullable Instant planned, @Nullable Instant expected, @Nullable Instant actual) {

        /** Hours late (positive) or early (negative) against the first plan; null until both are known. */
        public @Nullable Long hoursLate() {
            Instant outcome = actual != null ? actual : expected;
            return planned == null || outcome == null ? null : Duration.between(planned, outcome).toHours();
        }
    }

    /** The team's lessons learned; empty text until written. */
    public record Lessons(String text, @Nullable Instant updatedAt, @Nullable String updatedBy) {
    }

    public long dutiesOpen() {
        return duties.stream().filter(duty -> duty.status() == ObligationStatus.DUE || duty.status() == ObligationStatus.OVERDUE).count();
    }

    public long dutiesOverdue() {
        return duties.stream().filter(duty -> duty.status() == ObligationStatus.OVERDUE).count();
    }

    public long dutiesDone() {
        return duties.stream().filter(duty -> duty.status() == ObligationStatus.DONE).count();
    }
}
