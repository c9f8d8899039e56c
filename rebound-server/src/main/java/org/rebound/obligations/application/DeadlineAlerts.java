package org.rebound.obligations.application;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.rebound.audit.AuditLog;
import org.rebound.incident.application.Caller;
import org.rebound.incident.application.Incidents;
import org.rebound.incident.persistence.IncidentStore.StoredIncident;
import org.rebound.obligations.Obligation;
import org.rebound.obligations.ObligationStatus;
import org.rebound.obligations.persistence.ObligationStore;
import org.rebound.obligations.persistence.ObligationStore.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Raises an alert when a notification deadline comes within one of the configured lead times (say
 * 24 h, 4 h and 1 h) and when it passes. Each alert is raised once per deadline and lead time, even
 * with several servers on one database; when facts change the deadline, the alerts follow the new one.
 * An obligation discovered late raises only its tightest lead time, not every one it has passed.
 * Alerts are shown in the app and, when mail is configured, e-mailed to the configured addresses.
 */
public final class DeadlineAlerts {

    /** Sends an alert by e-mail; delivery failures are the sender's to report. */
    public interface Mailer {
        void send(List<String> to, String subject, String body);
    }

    private static final Logger log = LoggerFactory.getLogger(DeadlineAlerts.class);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    static final String SYSTEM_ACTOR = "rebound";

    private final Incidents incidents;
    private final IncidentObligations obligations;
    private final ObligationStore store;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final List<Duration> leadTimes;
    private final List<String> mailTo;
    private final Mailer mailer;
    private final Consumer<DeadlineAlertRaised> publisher;

    public DeadlineAlerts(Incidents incidents, IncidentObligations obligations, ObligationStore store, AuditLog audit,
                          TransactionTemplate transactions, List<Duration> leadTimes, List<String> mailTo, Mailer mailer,
                          Consumer<DeadlineAlertRaised> publisher) {
        if (leadTimes.stream().anyMatch(lead -> lead.isNegative() || lead.isZero())) {
            throw new IllegalArgumentException("alert lead times must be positive, got " + leadTimes);
        }
        this.incidents = incidents;
        this.obligations = obligations;
        this.store = store;
        this.audit = audit;
        this.transactions = transactions;
        this.leadTimes = leadTimes.stream().sorted().distinct().toList();
        this.mailTo = List.copyOf(mailTo);
        this.mailer = mailer;
        this.publisher = publisher;
    }

    /** Raises the alerts that are due at {@code now} and were not raised before; returns them. */
    public List<Alert> raiseDue(Instant now) {
        List<Alert> raised = new ArrayList<>();
        for (StoredIncident incident : incidents.active()) {
            IncidentObligations.Report report = obligations.reportForSystem(incident, now);
            for (Obligation obligation : report.obligations()) {
                if (obligation.deadline() == null
                        || (obligation.status() != ObligationStatus.DUE && obligation.status() != ObligationStatus.OVERDUE)) {
                    continue;
                }
                Duration remaining = Duration.between(now, obligation.deadline());
                Duration lead = remaining.isNegative() || remaining.isZero() ? Duration.ZERO
                        : leadTimes.stream().filter(candidate -> remaining.compareTo(candidate) <= 0).findFirst().orElse(null);
                if (lead == null) {
                    continue;
                }
                String message = message(incident, obligation, lead);
                int leadMinutes = (int) lead.toMinutes();
                Optional<Alert> fresh;
                try {
                    fresh = transactions.execute(status -> {
                        Optional<Alert> added = store.raiseAlert(incident.id(), obligation.rule(), obligation.deadline(), leadMinutes,
                                message, now);
                        added.ifPresent(alert -> audit.record(now, SYSTEM_ACTOR, "obligations.alert", "incident/" + incident.id(), message));
                        return added;
                    });
                } catch (DataIntegrityViolationException raisedMeanwhile) {
                    // another server sharing the database raised the same alert in the same moment
                    fresh = Optional.empty();
                }
                if (fresh != null && fresh.isPresent()) {
                    raised.add(fresh.get());
                }
            }
        }
        if (!raised.isEmpty()) {
            // one event per round, however many alerts: every open dashboard reloads its deadlines once
            publisher.accept(new DeadlineAlertRaised(raised.size(), now));
            if (!mailTo.isEmpty()) {
                mail(raised);
            }
        }
        return raised;
    }

    /** The latest alerts of the incidents the caller reads, newest first. */
    public List<Alert> recent(Caller caller, int limit) {
        Set<Long> readable = incidents.list(caller).stream()
                .filter(listed -> listed.access().canRead())
                .map(listed -> listed.incident().id())
                .collect(Collectors.toSet());
        return store.alerts(readable, limit);
    }

    private void mail(List<Alert> raised) {
        String subject = raised.size() == 1 ? "Rebound: " + raised.get(0).message()
                : "Rebound: " + raised.size() + " notification deadlines need attention";
        String body = raised.stream().sorted(Comparator.comparing(Alert::deadline)).map(Alert::message)
                .collect(Collectors.joining("\n\n", "", "\n\nOpen Rebound for the details, the required content and to record the notice.\n"));
        try {
            mailer.send(mailTo, subject.length() > 200 ? subject.substring(0, 200) : subject, body);
        } catch (RuntimeException undelivered) {
            // The alerts stand in the app; a mail server that is down (as it may well be in an incident) must not lose them.
            log.warn("could not e-mail {} deadline alert(s) to {}: {}", raised.size(), mailTo, undelivered.getMessage());
        }
    }

    static String message(StoredIncident incident, Obligation obligation, Duration lead) {
        String when = "by " + MINUTES.format(obligation.deadline().atZone(ZoneOffset.UTC)) + " UTC ("
                + MINUTES.format(obligation.deadlineLocal().orElseThrow()) + " " + obligation.zone().getId() + ")";
        String what = obligation.title() + " [" + obligation.rule() + "], incident #" + incident.id() + " " + incident.title();
        if (lead.isZero()) {
            return "OVERDUE: " + what + ": the deadline passed, " + when;
        }
        return "Due within " + hours(lead) + ": " + what + ", " + when;
    }

    private static String hours(Duration lead) {
        return lead.toMinutes() % 60 == 0 ? lead.toHours() + " h" : lead.toMinutes() + " min";
    }
}
