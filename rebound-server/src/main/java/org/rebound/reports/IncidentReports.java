package org.rebound.reports;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rebound.audit.AuditLog;
import org.rebound.impact.application.ImpactHistory;
import org.rebound.impact.application.ImpactService;
import org.rebound.incident.AttackCatalogue;
import org.rebound.incident.application.Access;
import org.rebound.incident.application.Caller;
import org.rebound.incident.application.IncidentOutcome;
import org.rebound.incident.application.IncidentOutcome.Done;
import org.rebound.incident.application.IncidentOutcome.Rejected;
import org.rebound.incident.application.Incidents;
import org.rebound.incident.persistence.IncidentStore.StoredIncident;
import org.rebound.obligations.Obligation;
import org.rebound.obligations.application.IncidentObligations;
import org.rebound.planning.application.PlanningService;
import org.rebound.planning.persistence.PlanStore.StoredPlan;
import org.rebound.planning.view.PlanView;
import org.rebound.reports.persistence.LessonsStore;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Post-incident and executive reports of an incident, as HTML or PDF, for its members (not external
 * partners); every export is audited with who took it. The team's lessons learned are written by
 * those who write to the incident.
 */
public final class IncidentReports {

    public enum Kind { POST_INCIDENT, EXECUTIVE }

    public enum Format { HTML, PDF }

    /** Turns gathered content into a document; the web layer renders with templates. */
    public interface Renderer {
        byte[] render(ReportContent content, Kind kind, Format format);
    }

    /** A rendered report with the file name to offer it under. */
    public record Document(byte[] content, Format format, String fileName) {
    }

    static final int MAX_LESSONS = 50_000;
    private static final int SERIES_POINTS = 120;

    private final Incidents incidents;
    private final ImpactService impact;
    private final PlanningService planning;
    private final IncidentObligations obligations;
    private final LessonsStore lessons;
    private final Renderer renderer;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public IncidentReports(Incidents incidents, ImpactService impact, PlanningService planning, IncidentObligations obligations,
                           LessonsStore lessons, Renderer renderer, AuditLog audit, TransactionTemplate transactions, Clock clock) {
        this.incidents = incidents;
        this.impact = impact;
        this.planning = planning;
        this.obligations = obligations;
        this.lessons = lessons;
        this.renderer = renderer;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Everything a report says, as of now. */
    public IncidentOutcome<ReportContent> content(long id, Caller caller) {
        return incidents.guarded(id, caller, Access::canRead, "reports are not shared with you", () -> {
            Incidents.Detail detail = ((Done<Incidents.Detail>) incidents.detail(id, caller)).value();
            StoredIncident incident = detail.incident();
            AttackCatalogue attack = incidents.attack();
            List<ReportContent.TechniqueRow> techniques = detail.techniques().stream()
                    .map(noted -> attack.technique(noted.technique())
                            .map(technique -> new ReportContent.TechniqueRow(technique.id(), technique.name(),
                                    String.join(", ", technique.tactics()), noted.notedAt()))
                            .orElse(new ReportContent.TechniqueRow(noted.technique(), "", "", noted.notedAt())))
                    .sorted(Comparator.comparing(ReportContent.TechniqueRow::id))
                    .toList();
            var indicators = ((Done<List<Incidents.ObservableItem>>) incidents.observables(id, caller)).value().stream()
                    .map(Incidents.ObservableItem::observable)
                    .filter(observable -> observable.ioc())
                    .toList();
            var timeline = ((Done<List<Incidents.TimelineItem>>) incidents.timeline(id, caller)).value();
            ImpactHistory history = impact.history(SERIES_POINTS)
                    .filter(found -> found.scenario() != null && found.scenario().equals(incident.scenario()))
                    .orElse(null);
            List<ReportContent.PlanRow> plan = new ArrayList<>();
            Instant plannedAllBack = null;
            Instant expectedAllBack = null;
            if (history != null) {
                Optional<PlanView> first = firstPlanSince(history.start());
                Optional<PlanView> latest = planning.latest();
                plan = planVsActual(history, first.orElse(null), latest.orElse(null));
                plannedAllBack = first.map(PlanView::allBack).orElse(null);
                expectedAllBack = latest.map(PlanView::allBack).orElse(null);
            }
            IncidentObligations.Report duties = ((Done<IncidentObligations.Report>) obligations.report(id, caller)).value();
            long people = duties.facts() == null ? 0 : duties.facts().affected().values().stream().mapToLong(Long::longValue).sum();
            ReportContent.Lessons written = lessons.lessons(id)
                    .map(found -> new ReportContent.Lessons(found.text(), found.updatedAt(), found.updatedBy()))
                    .orElse(new ReportContent.Lessons("", null, null));
            return new Done<>(new ReportContent(incident, clock.instant(), caller.username(), timeline, techniques, indicators, history,
                    plan, plannedAllBack, expectedAllBack, duties.obligations().stream().filter(Obligation::triggered).toList(),
                    duties.notices(), people, written));
        });
    }

    /** The report rendered, with the export audited. */
    public IncidentOutcome<Document> export(long id, Kind kind, Format format, Caller caller) {
        return content(id, caller).map(content -> {
            byte[] rendered = renderer.render(content, kind, format);
            String name = "incident-" + id + (kind == Kind.EXECUTIVE ? "-executive-status" : "-post-incident-report")
                    + (format == Format.PDF ? ".pdf" : ".html");
            Instant now = clock.instant();
            transactions.executeWithoutResult(status -> audit.record(now, caller.username(), "report.export", "incident/" + id,
                    name + " (" + rendered.length + " bytes)"));
            return new Document(rendered, format, name);
        });
    }

    /** Replaces the lessons learned; those who write to the incident. */
    public IncidentOutcome<ReportContent.Lessons> saveLessons(long id, @Nullable String text, Caller caller) {
        return incidents.guarded(id, caller, Access::canWrite, "this incident is read-only for you", () -> {
            String written = text == null ? "" : text.strip();
            if (written.length() > MAX_LESSONS) {
                return Rejected.of("lessons", "longer than " + MAX_LESSONS + " characters");
            }
            Instant now = clock.instant();
            transactions.executeWithoutResult(status -> {
                lessons.save(id, written, now, caller.username());
                audit.record(now, caller.username(), "report.lessons", "incident/" + id, written.length() + " characters");
            });
            return new Done<>(new ReportContent.Lessons(written, now, caller.username()));
        });
    }

    private Optional<PlanView> firstPlanSince(Instant start) {
        // the history lists plans without their documents; the first one is then read whole
        List<StoredPlan> plans = planning.history(500);
        return plans.stream()
                .filter(plan -> !plan.createdAt().isBefore(start))
                .min(Comparator.comparing(StoredPlan::createdAt).thenComparingLong(StoredPlan::id))
                .flatMap(plan -> planning.find(plan.id()));
    }

    private static List<ReportContent.PlanRow> planVsActual(ImpactHistory history, @Nullable PlanView first, @Nullable PlanView latest) {
        Map<String, Instant> planned = restorations(first);
        Map<String, Instant> expected = restorations(latest);
        List<ReportContent.PlanRow> rows = new ArrayList<>();
        for (ImpactHistory.ProcessHistory process : history.processes()) {
            rows.add(new ReportContent.PlanRow(process.id(), process.name(), planned.get(process.id()),
                    process.backAt() == null ? expected.get(process.id()) : null, process.backAt()));
        }
        return rows;
    }

    private static Map<String, Instant> restorations(@Nullable PlanView plan) {
        Map<String, Instant> restored = new HashMap<>();
        if (plan != null) {
            plan.processes().forEach(process -> restored.put(process.process(), process.restored()));
        }
        return restored;
    }
}
