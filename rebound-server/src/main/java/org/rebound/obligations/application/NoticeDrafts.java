package org.rebound.obligations.application;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;
import org.rebound.audit.AuditLog;
import org.rebound.breach.AffectedPerson;
import org.rebound.breach.application.BreachRegisters;
import org.rebound.breach.persistence.BreachStore.Register;
import org.rebound.impact.application.ImpactHistory;
import org.rebound.impact.application.ImpactService;
import org.rebound.incident.TimelineKind;
import org.rebound.incident.application.Access;
import org.rebound.incident.application.Caller;
import org.rebound.incident.application.IncidentOutcome;
import org.rebound.incident.application.IncidentOutcome.Done;
import org.rebound.incident.application.IncidentOutcome.Forbidden;
import org.rebound.incident.application.IncidentOutcome.Rejected;
import org.rebound.incident.application.Incidents;
import org.rebound.obligations.IncidentFacts;
import org.rebound.obligations.Obligation;
import org.rebound.obligations.ObligationsEngine;
import org.rebound.obligations.persistence.DraftStore;
import org.rebound.obligations.persistence.DraftStore.Delivery;
import org.rebound.obligations.persistence.DraftStore.Draft;
import org.rebound.obligations.persistence.DraftStore.LetterRun;
import org.rebound.planning.application.PlanningService;
import org.rebound.planning.view.PlanView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drafts of notices written from templates and the incident's facts, edited and approved by
 * DPO/legal, commanders and the incident's managers; and the mail merge of an approved letter to
 * the people of a breach register: by e-mail in batches, in the background, with progress and each
 * person's outcome recorded; and as PDF letters for the post, made when downloaded so that no letter
 * with a person's details is kept at rest. Only DPO/legal and incident commanders run mail merges
 * (they open the register); every step is audited.
 */
public final class NoticeDrafts implements AutoCloseable {

    /** Prints letters, one page or more each, into one PDF. */
    public interface LetterPrinter {
        byte[] print(String sender, String title, List<String> letters);
    }

    /** PDF letters for the post, written to a stream as a zip of batches when asked. */
    public interface LetterArchive {
        void writeTo(OutputStream out) throws IOException;
    }

    public static final int LETTERS_PER_PDF = 500;
    static final int MAIL_BATCH = 100;
    static final int MAX_BODY = 100_000;
    private static final Logger log = LoggerFactory.getLogger(NoticeDrafts.class);

    private final Incidents incidents;
    private final IncidentObligations obligations;
    private final BreachRegisters registers;
    private final ImpactService impact;
    private final PlanningService planning;
    private final DraftStore store;
    private final NoticeWriter writer = new NoticeWriter();
    private final LetterPrinter printer;
    private final DeadlineAlerts.Mailer mailer;
    private final boolean mailConfigured;
    private final ExecutorService background;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public NoticeDrafts(Incidents incidents, IncidentObligations obligations, BreachRegisters registers, ImpactService impact,
                        PlanningService planning, DraftStore store, LetterPrinter printer, DeadlineAlerts.Mailer mailer,
                        boolean mailConfigured, ExecutorService background, AuditLog audit, TransactionTemplate transactions,
                        Clock clock) {
        this.incidents = incidents;
        this.obligations = obligations;
        this.registers = registers;
        this.impact = impact;
        this.planning = planning;
        this.store = store;
        this.printer = printer;
        this.mailer = mailer;
        this.mailConfigured = mailConfigured;
        this.background = background;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Stops the mail merge under way, if any, when the server stops; its run stays as far as it got. */
    @Override
    public void close() {
        background.shutdownNow();
    }

    public IncidentOutcome<List<Draft>> drafts(long incident, Caller caller) {
        return reading(incident, caller, () -> new Done<>(store.drafts(incident)));
    }

    public IncidentOutcome<List<LetterRun>> runs(long incident, Caller caller) {
        Instant now = clock.instant();
        return reading(incident, caller, () -> new Done<>(store.runs(incident).stream().map(run -> run.seenAt(now)).toList()));
    }

    public IncidentOutcome<LetterRun> run(long incident, long run, Caller caller) {
        Instant now = clock.instant();
        return reading(incident, caller, () -> store.run(incident, run).<IncidentOutcome<LetterRun>>map(found -> new Done<>(found.seenAt(now)))
                .orElseGet(() -> Rejected.of("run", "no mail merge " + run + " in this incident")));
    }

    private <T> IncidentOutcome<T> reading(long incident, Caller caller, Supplier<IncidentOutcome<T>> action) {
        return incidents.guarded(incident, caller, Access::canRead, "notification drafts are not shared with you", action);
    }

    /**
     * Writes a draft: for a duty ({@code rule}) with the template Rebound has for it, or from a named
     * template (supplier and dealer updates). {@code contact} is the contact point the notice gives.
     */
    public IncidentOutcome<Draft> create(long incident, @Nullable String rule, @Nullable String template, @Nullable String contact,
                                         Caller caller) {
        return obligations.recording(incident, caller, () -> {
            Optional<NoticeTemplate> chosen = template != null && !template.isBlank() ? NoticeTemplate.parse(template)
                    : rule != null && !rule.isBlank() ? NoticeTemplate.forRule(rule.strip()) : Optional.empty();
            if (chosen.isEmpty()) {
                return Rejected.of(template != null && !template.isBlank() ? "template" : "rule",
                        "no notice template for " + (template != null && !template.isBlank() ? "'" + template + "'"
                                : rule == null || rule.isBlank() ? "nothing: give a rule or a template" : "rule '" + rule + "'"));
            }
            if (rule != null && !rule.isBlank() && !ObligationsEngine.standard().ruleIds().contains(rule.strip())) {
                return Rejected.of("rule", "unknown rule '" + rule + "'");
            }
            String contactPoint = contact == null ? "" : contact.strip();
            if (contactPoint.isEmpty()) {
                return Rejected.of("contact", "required: the contact point the notice gives (the DPO's name, e-mail and phone)");
            }
            IncidentObligations.Report report = ((Done<IncidentObligations.Report>) obligations.report(incident, caller)).value();
            if (report.facts() == null) {
                return Rejected.of("profile", "set the organisation profile first: notices need the organisation's name and country");
            }
            String ruleId = rule == null || rule.isBlank() ? null : rule.strip();
            Obligation duty = ruleId == null ? null
                    : report.obligations().stream().filter(obligation -> obligation.rule().equals(ruleId)).findFirst().orElse(null);
            String body = writer.write(chosen.get(), inputs(incident, caller, report.facts(), report, duty, contactPoint));
            Instant now = clock.instant();
            long id = transactions.execute(status -> {
                long added = store.addDraft(incident, chosen.get().id(), ruleId, chosen.get().title(), body, now, caller.username());
                audit.record(now, caller.username(), "notices.draft", "incident/" + incident + "/draft/" + added,
                        chosen.get().id() + (ruleId == null ? "" : " for " + ruleId));
                return added;
            });
            return new Done<>(store.draft(incident, id).orElseThrow());
        });
    }

    public IncidentOutcome<Draft> edit(long incident, long draft, @Nullable String title, @Nullable String body, Caller caller) {
        return withDraft(incident, draft, caller, found -> {
            if (found.approved()) {
                return Rejected.of("draft", "approved on " + found.approvedAt() + " by " + found.approvedBy() + ": write a new draft to change it");
            }
            String newTitle = title == null || title.isBlank() ? found.title() : title.strip();
            String newBody = body == null ? found.body() : body;
            if (newTitle.length() > 300 || newBody.length() > MAX_BODY) {
                return Rejected.of(newTitle.length() > 300 ? "title" : "body", "too long");
            }
            Instant now = clock.instant();
            transactions.executeWithoutResult(status -> {
                store.edit(draft, newTitle, newBody, now, caller.username());
                audit.record(now, caller.username(), "notices.edit", "incident/" + incident + "/draft/" + draft, newBody.length() + " characters");
            });
            return new Done<>(store.draft(incident, draft).orElseThrow());
        });
    }

    /** Approves a draft as it stands; it cannot change afterwards. Drafts still holding bracketed instructions are refused. */
    public IncidentOutcome<Draft> approve(long incident, long draft, Caller caller) {
        return withDraft(incident, draft, caller, found -> {
            if (found.approved()) {
                return Rejected.of("draft", "already approved by " + found.approvedBy());
            }
            List<String> open = openInstructions(found.body());
            if (!open.isEmpty()) {
                return Rejected.of("body", "replace the instructions still in the draft first: " + String.join("; ", open));
            }
            Instant now = clock.instant();
            transactions.executeWithoutResult(status -> {
                store.approve(draft, now, caller.username());
                incidents.noteOnTimeline(incident, now, TimelineKind.DECISION, "Notice approved: " + found.title()
                        + (found.rule() == null ? "" : " (" + found.rule() + ")"), "Notification drafts", now, caller.username());
                audit.record(now, caller.username(), "notices.approve", "incident/" + incident + "/draft/" + draft, found.title());
            });
            return new Done<>(store.draft(incident, draft).orElseThrow());
        });
    }

    /**
     * Starts e-mailing an approved letter to the people of a register who have an e-mail address, in
     * batches in the background; those without one are counted for the postal letters.
     */
    public IncidentOutcome<LetterRun> mailLetters(long incident, long draft, long register, Caller caller) {
        return mergeable(incident, draft, register, caller, (found, stored) -> {
            if (!mailConfigured) {
                return Rejected.of("mail", "no SMTP server is configured (spring.mail.host): print the letters instead");
            }
            Instant now = clock.instant();
            long run = transactions.execute(status -> {
                long started = store.startRun(incident, draft, register, (int) stored.people(), now, caller.username());
                audit.record(now, caller.username(), "notices.mail-merge", "incident/" + incident + "/draft/" + draft,
                        "run " + started + ": " + stored.people() + " people of register " + register + " by e-mail");
                return started;
            });
            background.execute(() -> mail(incident, found, register, run));
            return new Done<>(store.run(incident, run).orElseThrow());
        });
    }

    /**
     * PDF letters for the post: every person of the register in the letter's region, less those already
     * e-mailed this letter unless {@code includeMailed}; {@value #LETTERS_PER_PDF} letters per PDF.
     */
    public IncidentOutcome<LetterArchive> printLetters(long incident, long draft, long register, boolean includeMailed, Caller caller) {
        return mergeable(incident, draft, register, caller, (found, stored) -> {
            Set<String> mailed = includeMailed ? Set.of() : new HashSet<>(store.mailed(incident, register, draft));
            Instant now = clock.instant();
            transactions.executeWithoutResult(status -> audit.record(now, caller.username(), "notices.print",
                    "incident/" + incident + "/draft/" + draft, "letters for register " + register
                            + (includeMailed ? ", everyone" : ", less " + mailed.size() + " e-mailed")));
            String sender = obligations.profile().map(profile -> profile.entity().name()).orElse("");
            LetterArchive archive = out -> {
                ZipOutputStream zip = new ZipOutputStream(out);
                List<String> batch = new ArrayList<>();
                int[] file = {0};
                forEachAddressee(incident, found, register, person -> {
                    if (!mailed.contains(person.personKey())) {
                        batch.add(NoticeWriter.personalise(found.body(), person));
                        if (batch.size() == LETTERS_PER_PDF) {
                            writePdf(zip, ++file[0], sender, found.title(), batch);
                        }
                    }
                });
                if (!batch.isEmpty() || file[0] == 0) {
                    writePdf(zip, ++file[0], sender, found.title(), batch);
                }
                zip.finish();
            };
            return new Done<>(archive);
        });
    }

    private void writePdf(ZipOutputStream zip, int number, String sender, String title, List<String> letters) {
        try {
            zip.putNextEntry(new ZipEntry(String.format(Locale.ROOT, "letters-%04d.pdf", number)));
            zip.write(printer.print(sender, title, letters));
            zip.closeEntry();
        } catch (IOException broken) {
            throw new java.io.UncheckedIOException("writing the letters failed", broken);
        }
        letters.clear();
    }

    private void mail(long incident, Draft draft, long register, long run) {
        try {
            List<Delivery> batch = new ArrayList<>();
            forEachAddressee(incident, draft, register, person -> {
                batch.add(deliver(draft, person));
                if (batch.size() == MAIL_BATCH) {
                    record(run, batch);
                }
            });
            record(run, batch);
            finish(run, "done", null);
        } catch (RuntimeException failed) {
            log.warn("mail merge {} of incident {} stopped: {}", run, incident, failed.getMessage());
            finish(run, "failed", failed.getMessage());
        }
    }

    private Delivery deliver(Draft draft, AffectedPerson person) {
        if (person.emails().isEmpty()) {
            return new Delivery(person.personKey(), "no-email", "needs a postal letter");
        }
        try {
            mailer.send(List.of(person.emails().get(0)), draft.title(), NoticeWriter.personalise(draft.body(), person));
            return new Delivery(person.personKey(), "sent", "");
        } catch (RuntimeException undelivered) {
            return new Delivery(person.personKey(), "failed", String.valueOf(undelivered.getMessage()));
        }
    }

    private void record(long run, List<Delivery> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Delivery> copy = List.copyOf(batch);
        transactions.executeWithoutResult(status -> store.recordBatch(run, copy, now));
        batch.clear();
    }

    private void finish(long run, String status, @Nullable String error) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(transaction -> store.finishRun(run, status, error, now));
    }

    /** The people of a register the letter is for: those in its law's region (all for letters not tied to a region). */
    private void forEachAddressee(long incident, Draft draft, long register, java.util.function.Consumer<AffectedPerson> each) {
        String region = region(draft.rule());
        ObligationsEngine engine = ObligationsEngine.standard();
        int offset = 0;
        while (true) {
            List<AffectedPerson> page = registers.peopleForLetters(incident, register, offset, MAIL_BATCH);
            for (AffectedPerson person : page) {
                if (region == null || person.countries().stream().anyMatch(place -> engine.inRegion(place, region))) {
                    each.accept(person);
                }
            }
            if (page.size() < MAIL_BATCH) {
                return;
            }
            offset += page.size();
        }
    }

    static @Nullable String region(@Nullable String rule) {
        if (rule == null) {
            return null;
        }
        if (rule.equals("gdpr-art34")) {
            return "EEA";
        }
        if (rule.equals("uk-gdpr-art34")) {
            return "GB";
        }
        return rule.startsWith("us-") && rule.length() > 5 ? "US-" + rule.substring(3, 5).toUpperCase(Locale.ROOT) : null;
    }

    private interface Merge<T> {
        IncidentOutcome<T> apply(Draft draft, Register register);
    }

    private <T> IncidentOutcome<T> mergeable(long incident, long draft, long register, Caller caller, Merge<T> merge) {
        return withDraft(incident, draft, caller, found -> {
            if (!BreachRegisters.mayHandlePeople(caller)) {
                return new Forbidden<>("only DPO/legal and incident commanders send letters to affected people");
            }
            if (!found.approved()) {
                return Rejected.of("draft", "approve the letter before sending it");
            }
            if (!NoticeTemplate.parse(found.template()).map(NoticeTemplate::letter).orElse(false)) {
                return Rejected.of("draft", "'" + found.title() + "' is not a letter to affected people");
            }
            Optional<Register> stored = registers.register(incident, register);
            if (stored.isEmpty()) {
                return Rejected.of("register", "no breach register " + register + " in this incident");
            }
            return merge.apply(found, stored.get());
        });
    }

    private <T> IncidentOutcome<T> withDraft(long incident, long draft, Caller caller, java.util.function.Function<Draft, IncidentOutcome<T>> action) {
        return obligations.recording(incident, caller, () -> store.draft(incident, draft).map(action)
                .orElseGet(() -> Rejected.of("draft", "no draft " + draft + " in this incident")));
    }

    private NoticeWriter.Inputs inputs(long incident, Caller caller, IncidentFacts facts, IncidentObligations.Report report,
                                       @Nullable Obligation duty, String contact) {
        List<String> measures = new ArrayList<>();
        List<Incidents.TimelineItem> timeline = ((Done<List<Incidents.TimelineItem>>) incidents.timeline(incident, caller)).value();
        for (Incidents.TimelineItem item : timeline) {
            measure(item).ifPresent(measures::add);
        }
        Incidents.Detail detail = ((Done<Incidents.Detail>) incidents.detail(incident, caller)).value();
        List<String> techniques = detail.techniques().stream()
                .map(noted -> incidents.attack().technique(noted.technique())
                        .map(technique -> technique.id() + " " + technique.name()).orElse(noted.technique()))
                .toList();
        List<String> indicators = ((Done<List<Incidents.ObservableItem>>) incidents.observables(incident, caller)).value().stream()
                .filter(item -> item.observable().ioc() && item.observable().tlp().shareableWithCommunity())
                .map(item -> item.observable().observable().type().id() + ": " + item.defanged())
                .toList();
        Optional<ImpactHistory> history = impact.history(2)
                .filter(found -> found.scenario() != null && found.scenario().equals(report.incident().scenario()));
        List<String> down = history.map(found -> found.processes().stream().filter(process -> process.backAt() == null)
                .map(ImpactHistory.ProcessHistory::name).toList()).orElse(List.of());
        Instant allBack = history.isPresent() ? planning.latest().map(PlanView::allBack).orElse(null) : null;
        String loss = history.map(found -> found.currency() + " " + String.format(Locale.UK, "%,.0f", found.totalLoss())).orElse(null);
        return new NoticeWriter.Inputs(facts, report.incident(), duty, contact, measures.subList(Math.max(0, measures.size() - 12),
                measures.size()), techniques, indicators, down, allBack, loss, clock.instant());
    }

    /**
     * What a timeline entry says was done about the incident: the team's decisions and the tasks done,
     * not Rebound's own bookkeeping (imports, approvals, disclosure decisions).
     */
    private static Optional<String> measure(Incidents.TimelineItem item) {
        if (item.kind() == TimelineKind.ACTION && item.summary().startsWith(TASK_DONE)) {
            return Optional.of(item.summary().substring(TASK_DONE.length()));
        }
        boolean bookkeeping = item.summary().startsWith("Materiality determination") || item.summary().startsWith("Notice approved");
        return item.kind() == TimelineKind.DECISION && !bookkeeping ? Optional.of(item.summary()) : Optional.empty();
    }

    private static final String TASK_DONE = "Task done: ";

    /** Bracketed instructions in capitals, such as {@code [STATE THE REASONS FOR THE DELAY]}, that the author must replace. */
    static List<String> openInstructions(String body) {
        List<String> open = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("\\[[A-Z][A-Z0-9 ,;:'()/.\\-]{6,}]").matcher(body);
        while (matcher.find()) {
            open.add(matcher.group());
        }
        return open;
    }
}
