package org.rebound.incident.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.rebound.audit.AuditLog;
import org.rebound.impact.persistence.StateEventStore;
import org.rebound.incident.AttackCatalogue;
import org.rebound.incident.Channel;
import org.rebound.incident.Counterpart;
import org.rebound.incident.IncidentWorkflow;
import org.rebound.incident.Observable;
import org.rebound.incident.ObservableParser;
import org.rebound.incident.Pap;
import org.rebound.incident.Severity;
import org.rebound.incident.TimelineKind;
import org.rebound.incident.Tlp;
import org.rebound.incident.application.IncidentOutcome.Done;
import org.rebound.incident.application.IncidentOutcome.Forbidden;
import org.rebound.incident.application.IncidentOutcome.NotFound;
import org.rebound.incident.application.IncidentOutcome.Problem;
import org.rebound.incident.application.IncidentOutcome.Rejected;
import org.rebound.incident.persistence.IncidentStore;
import org.rebound.incident.persistence.IncidentStore.IncidentFields;
import org.rebound.incident.persistence.IncidentStore.StoredIncident;
import org.rebound.incident.persistence.ObservableStore;
import org.rebound.incident.persistence.ObservableStore.Marking;
import org.rebound.incident.persistence.ObservableStore.StoredObservable;
import org.rebound.incident.persistence.TimelineStore;
import org.rebound.model.Coded;
import org.rebound.security.Role;
import org.rebound.security.UserStore;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Incidents and what responders record in them: members, the timeline, observables and the ATT&CK
 * techniques seen. Every read and write is checked against the caller's {@link Access} to that
 * incident; every change is audited in the same transaction.
 */
public final class Incidents {

    /** An incident as listed, with what the caller may do with it. */
    public record Listed(StoredIncident incident, Access access) {
    }

    /** Everything on an incident's front page that is not a list of its own. */
    public record Detail(StoredIncident incident, Access access, List<IncidentStore.Member> members,
                         List<IncidentStore.NotedTechnique> techniques, List<AttackCatalogue.Software> software, IncidentWorkflow workflow) {
    }

    /** A new incident as asked for; absent values take defaults (the workflow's first status, TLP:AMBER, PAP:AMBER, the caller as lead). */
    public record Draft(String title, @Nullable String summary, @Nullable String severity, @Nullable String tlp,
                        @Nullable String pap, @Nullable String lead, @Nullable String scenario, @Nullable Instant startedAt,
                        @Nullable Instant detectedAt) {
    }

    /** Changes to an incident; absent values stay as they are. */
    public record Changes(@Nullable String title, @Nullable String summary, @Nullable String severity,
                          @Nullable String status, @Nullable String tlp, @Nullable String pap, @Nullable String lead,
                          @Nullable Instant startedAt, @Nullable Instant detectedAt, @Nullable Instant containedAt,
                          @Nullable Instant recoveredAt) {
    }

    /**
     * A manual timeline entry as asked for; a communication may say with whom ({@code counterpart}), how
     * ({@code channel}) and attach one of the incident's evidence items ({@code attachment}, its id).
     */
    public record NewEntry(@Nullable Instant occurredAt, String kind, String summary, @Nullable String source,
                           @Nullable String technique, @Nullable String counterpart, @Nullable String channel,
                           @Nullable Long attachment) {

        public NewEntry(@Nullable Instant occurredAt, String kind, String summary, @Nullable String source, @Nullable String technique) {
            this(occurredAt, kind, summary, source, technique, null, null, null);
        }
    }

    /**
     * One line of the combined timeline: a responder's entry, or a system state change from the
     * state log (their {@code origin} is {@code manual} and {@code system-state}).
     */
    public record TimelineItem(String origin, long id, Instant occurredAt, TimelineKind kind, String summary, String source,
                               @Nullable String technique, Instant recordedAt, String recordedBy, @Nullable Counterpart counterpart,
                               @Nullable Channel channel, @Nullable Long attachment) {
    }

    /** Observables pasted one per line, and how to mark them (defaults: IOC, not sighted, TLP:AMBER, no tags). */
    public record Paste(@Nullable String text, @Nullable Boolean ioc, @Nullable Boolean sighted, @Nullable String tlp,
                        @Nullable List<String> tags) {
    }

    /** An observable with the other incidents (among the caller's) that recorded it too. */
    public record ObservableItem(StoredObservable observable, String defanged, List<Long> alsoSeenIn) {
    }

    /** What a paste did: how many observables were new, how many the incident already had (now seen again), and repeats within the paste. */
    public record Added(int added, int alreadyKnown, int repeats) {
    }

    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 10_000;
    private static final Set<Role> WRITERS = Set.of(Role.RESPONDER, Role.FORENSICS, Role.DPO_LEGAL);
    private static final Set<Role> MANAGERS = Set.of(Role.ADMIN, Role.INCIDENT_COMMANDER);

    private final IncidentStore incidents;
    private final TimelineStore timeline;
    private final ObservableStore observables;
    private final StateEventStore stateEvents;
    private final UserStore users;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AttackCatalogue attack = AttackCatalogue.enterprise();

    public Incidents(IncidentStore incidents, TimelineStore timeline, ObservableStore observables, StateEventStore stateEvents,
                     UserStore users, AuditLog audit, TransactionTemplate transactions, Clock clock) {
        this.incidents = incidents;
        this.timeline = timeline;
        this.observables = observables;
        this.stateEvents = stateEvents;
        this.users = users;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    public AttackCatalogue attack() {
        return attack;
    }

    /** The statuses incidents move through: the incident commanders' own, or the default. */
    public IncidentWorkflow workflow() {
        return incidents.workflow().map(IncidentWorkflow::new).orElse(IncidentWorkflow.DEFAULT);
    }

    /**
     * Replaces the statuses incidents move through (the first for new incidents, the last closes
     * them). Refused when a status some open incident is in would go.
     */
    public IncidentOutcome<IncidentWorkflow> changeWorkflow(List<String> statuses, Caller caller) {
        if (caller.roles().stream().noneMatch(MANAGERS::contains)) {
            return new Forbidden<>("only administrators and incident commanders change the workflow");
        }
        List<String> cleaned = statuses.stream().map(status -> status.strip().toLowerCase(Locale.ROOT))
                .filter(status -> !status.isEmpty()).toList();
        List<Problem> problems = new ArrayList<>();
        IncidentWorkflow.problems(cleaned).forEach(problem -> problems.add(new Problem("statuses", problem)));
        for (String inUse : incidents.statusesInUse()) {
            if (!cleaned.contains(inUse)) {
                problems.add(new Problem("statuses", "'" + inUse + "' is the status of an incident now; move it first"));
            }
        }
        if (!problems.isEmpty()) {
            return new Rejected<>(problems);
        }
        Instant now = clock.instant();
        transactions.executeWithoutResult(transaction -> {
            incidents.saveWorkflow(cleaned, now, caller.username());
            audit.record(now, caller.username(), "incident.workflow", "incident-workflow", String.join(" > ", cleaned));
        });
        return new Done<>(new IncidentWorkflow(cleaned));
    }

    /** What {@code caller} may do with incident {@code id}. */
    public Access access(long id, Caller caller) {
        return incidents.find(id).map(incident -> access(incident, caller)).orElse(Access.NONE);
    }

    private Access access(StoredIncident incident, Caller caller) {
        if (!incidents.isMember(incident.id(), caller.username())) {
            return caller.has(Role.ADMIN) ? Access.MEMBERSHIP_ONLY : Access.NONE;
        }
        if (incident.mergedInto() != null && !caller.roles().equals(Set.of(Role.EXTERNAL_PARTNER))) {
            return Access.READ;
        }
        if (incident.lead().equals(caller.username()) || caller.roles().stream().anyMatch(MANAGERS::contains)) {
            return Access.MANAGE;
        }
        if (caller.roles().stream().anyMatch(WRITERS::contains)) {
            return Access.WRITE;
        }
        if (caller.roles().equals(Set.of(Role.EXTERNAL_PARTNER))) {
            return Access.SHARED;
        }
        return Access.READ;
    }

    /** The incidents the caller is a member of; administrators see every incident, to manage membership. */
    public List<Listed> list(Caller caller) {
        List<StoredIncident> visible = caller.has(Role.ADMIN) ? incidents.all() : incidents.withMember(caller.username());
        return visible.stream().map(incident -> {
            Access access = access(incident, caller);
            return new Listed(visibleTo(incident, access), access);
        }).toList();
    }

    /**
     * The incident as the caller may see it: whole for readers; for an external partner, its summary
     * and milestones only when the incident itself is marked for community sharing; for an
     * administrator outside it, that it exists.
     */
    private static StoredIncident visibleTo(StoredIncident incident, Access access) {
        return shared(incident, access) ? incident : withoutContent(incident);
    }

    private static boolean shared(StoredIncident incident, Access access) {
        return access.canRead() || access == Access.SHARED && incident.tlp().shareableWithCommunity();
    }

    /**
     * The incidents still being worked (not recovered, not merged into another), for jobs that run on
     * the system's behalf, such as deadline alerts; never shown to a caller as such.
     */
    public List<StoredIncident> active() {
        return incidents.all().stream()
                .filter(incident -> incident.recoveredAt() == null && incident.mergedInto() == null)
                .toList();
    }

    public IncidentOutcome<Detail> detail(long id, Caller caller) {
        return withAccess(id, caller, access -> access != Access.NONE, "", (incident, access) ->
                new Done<>(new Detail(visibleTo(incident, access), access,
                        access == Access.SHARED ? List.of() : incidents.members(id),
                        shared(incident, access) ? incidents.techniques(id) : List.of(),
                        shared(incident, access) ? incidents.software(id).stream().flatMap(found -> attack.software(found).stream()).toList()
                                : List.of(), workflow())));
    }

    /** Opens an incident; the caller and the lead become its first members. */
    public IncidentOutcome<StoredIncident> open(Draft draft, Caller caller) {
        if (caller.roles().stream().noneMatch(MANAGERS::contains)) {
            return new Forbidden<>("only administrators and incident commanders open incidents");
        }
        List<Problem> problems = new ArrayList<>();
        String title = text(draft.title(), "title", MAX_TITLE, true, problems);
        String summary = text(draft.summary(), "summary", MAX_TEXT, false, problems);
        Severity severity = coded(Severity.class, draft.severity(), Severity.HIGH, "severity", problems);
        Tlp tlp = coded(Tlp.class, draft.tlp(), Tlp.AMBER, "tlp", problems);
        Pap pap = coded(Pap.class, draft.pap(), Pap.AMBER, "pap", problems);
        String lead = draft.lead() == null || draft.lead().isBlank() ? caller.username() : draft.lead().strip();
        if (users.find(lead).isEmpty()) {
            problems.add(new Problem("lead", "no user '" + lead + "'"));
        }
        String scenario = draft.scenario() == null || draft.scenario().isBlank() ? null : draft.scenario().strip();
        if (!problems.isEmpty()) {
            return new Rejected<>(problems);
        }
        Instant now = clock.instant();
        IncidentFields fields = new IncidentFields(title, summary, severity, workflow().initial(), tlp, pap, lead, scenario,
                draft.startedAt(), draft.detectedAt(), null, null);
        return new Done<>(transactions.execute(status -> {
            StoredIncident opened = incidents.create(fields, now, caller.username());
            incidents.addMember(opened.id(), caller.username(), now, caller.username());
            incidents.addMember(opened.id(), lead, now, caller.username());
            audit.record(now, caller.username(), "incident.open", target(opened.id()),
                    "'" + title + "', " + severity.id() + ", " + tlp.label() + ", lead " + lead);
            return opened;
        }));
    }

    public IncidentOutcome<StoredIncident> change(long id, Changes changes, Caller caller) {
        return withAccess(id, caller, Access::canManage, "only the lead and incident commanders change an incident", (incident, access) -> {
            List<Problem> problems = new ArrayList<>();
            String title = changes.title() == null ? incident.title() : text(changes.title(), "title", MAX_TITLE, true, problems);
            String summary = changes.summary() == null ? incident.summary() : text(changes.summary(), "summary", MAX_TEXT, false, problems);
            Severity severity = coded(Severity.class, changes.severity(), incident.severity(), "severity", problems);
            Tlp tlp = coded(Tlp.class, changes.tlp(), incident.tlp(), "tlp", problems);
            Pap pap = coded(Pap.class, changes.pap(), incident.pap(), "pap", problems);
            String status = incident.status();
            if (changes.status() != null) {
                IncidentWorkflow workflow = workflow();
                Optional<String> known = workflow.spelling(changes.status());
                if (known.isEmpty()) {
                    problems.add(new Problem("status", "unknown status '" + changes.status() + "'; one of "
                            + String.join("|", workflow.statuses())));
                } else {
                    status = known.get();
                }
            }
            String lead = changes.lead() == null ? incident.lead() : changes.lead().strip();
            if (!lead.equals(incident.lead()) && users.find(lead).isEmpty()) {
                problems.add(new Problem("lead", "no user '" + lead + "'"));
            }
            if (!problems.isEmpty()) {
                return new Rejected<>(problems);
            }
            IncidentFields fields = new IncidentFields(title, summary, severity, status, tlp, pap, lead, incident.scenario(),
                    either(changes.startedAt(), incident.startedAt()), either(changes.detectedAt(), incident.detectedAt()),
                    either(changes.containedAt(), incident.containedAt()), either(changes.recoveredAt(), incident.recoveredAt()));
            Instant now = clock.instant();
            transactions.executeWithoutResult(transaction -> {
                incidents.update(id, fields);
                incidents.addMember(id, lead, now, caller.username());
                audit.record(now, caller.username(), "incident.change", target(id), describeChanges(incident, fields));
            });
            return new Done<>(incidents.find(id).orElseThrow());
        });
    }

    public IncidentOutcome<List<IncidentStore.Member>> addMember(long id, String username, Caller caller) {
        return withAccess(id, caller, Access::canChangeMembers, "only the lead, incident commanders and administrators change membership",
                (incident, access) -> {
                    String member = username.strip();
                    if (users.find(member).isEmpty()) {
                        return Rejected.of("username", "no user '" + member + "'");
                    }
                    Instant now = clock.instant();
                    transactions.executeWithoutResult(transaction -> {
                        if (incidents.addMember(id, member, now, caller.username())) {
                            audit.record(now, caller.username(), "incident.member.add", target(id), member);
                        }
                    });
                    return new Done<>(incidents.members(id));
                });
    }

    public IncidentOutcome<List<IncidentStore.Member>> removeMember(long id, String username, Caller caller) {
        return withAccess(id, caller, Access::canChangeMembers, "only the lead, incident commanders and administrators change membership",
                (incident, access) -> {
                    if (incident.lead().equals(username)) {
                        return Rejected.of("username", username + " leads this incident; hand the lead to someone else first");
                    }
                    Instant now = clock.instant();
                    boolean removed = Boolean.TRUE.equals(transactions.execute(transaction -> {
                        boolean gone = incidents.removeMember(id, username);
                        if (gone) {
                            audit.record(now, caller.username(), "incident.member.remove", target(id), username);
                        }
                        return gone;
                    }));
                    return removed ? new Done<>(incidents.members(id)) : Rejected.of("username", username + " is not a member");
                });
    }

    /** Makes the incident part of a larger one ({@code parent} null: on its own again); the lead of both decides. */
    public IncidentOutcome<StoredIncident> setParent(long id, @Nullable Long parent, Caller caller) {
        return withAccess(id, caller, Access::canManage, "only the lead and incident commanders change an incident", (incident, access) -> {
            if (parent != null) {
                if (!access(parent, caller).canManage()) {
                    return Rejected.of("parent", "no incident " + parent + " that you manage");
                }
                for (Long ancestor = parent; ancestor != null; ancestor = incidents.find(ancestor).map(StoredIncident::parent).orElse(null)) {
                    if (ancestor == id) {
                        return Rejected.of("parent", "incident " + parent + " is already part of incident " + id);
                    }
                }
            }
            Instant now = clock.instant();
            transactions.executeWithoutResult(transaction -> {
                incidents.setParent(id, parent);
                audit.record(now, caller.username(), "incident.parent", target(id), parent == null ? "on its own" : "part of incident " + parent);
            });
            return new Done<>(incidents.find(id).orElseThrow());
        });
    }

    /** The incidents that are part of this one. */
    public IncidentOutcome<List<StoredIncident>> children(long id, Caller caller) {
        return withAccess(id, caller, Access::canRead, "", (incident, access) -> new Done<>(incidents.children(id).stream()
                .filter(child -> access(child, caller) != Access.NONE).toList()));
    }

    /**
     * Merges an incident into another found to be the same: its work, evidence, record and observables
     * go to the target; it stays, closed, pointing at it. The caller must manage both.
     */
    public IncidentOutcome<StoredIncident> merge(long source, long target, Caller caller) {
        return withAccess(source, caller, Access::canManage, "only the lead and incident commanders merge incidents", (incident, access) -> {
            if (source == target) {
                return Rejected.of("target", "an incident cannot be merged into itself");
            }
            if (incident.mergedInto() != null) {
                return Rejected.of("source", "incident " + source + " was already merged into incident " + incident.mergedInto());
            }
            Optional<StoredIncident> into = incidents.find(target);
            if (into.isEmpty() || !access(into.get(), caller).canManage()) {
                return Rejected.of("target", "no incident " + target + " that you manage");
            }
            if (into.get().mergedInto() != null) {
                return Rejected.of("target", "incident " + target + " was itself merged into incident " + into.get().mergedInto());
            }
            Instant now = clock.instant();
            String closed = workflow().closed();
            transactions.executeWithoutResult(transaction -> {
                incidents.merge(source, target, closed, now, caller.username());
                timeline.append(target, now, TimelineKind.DECISION, "Incident " + source + " (" + incident.title() + ") merged into this one",
                        "incident management", null, now, caller.username());
                timeline.append(source, now, TimelineKind.DECISION, "Merged into incident " + target + " (" + into.get().title() + ")",
                        "incident management", null, now, caller.username());
                audit.record(now, caller.username(), "incident.merge", target(source), "merged into incident/" + target);
            });
            return new Done<>(incidents.find(target).orElseThrow());
        });
    }

    /** Notes an ATT&CK technique as observed in the incident. */
    public IncidentOutcome<List<IncidentStore.NotedTechnique>> noteTechnique(long id, String technique, Caller caller) {
        return withAccess(id, caller, Access::canWrite, "this incident is read-only for you", (incident, access) -> {
            Optional<AttackCatalogue.Technique> known = attack.technique(technique);
            if (known.isEmpty()) {
                return Rejected.of("technique", "'" + technique + "' is not an ATT&CK Enterprise technique (e.g. T1566.004)");
            }
            Instant now = clock.instant();
            transactions.executeWithoutResult(transaction -> {
                if (incidents.noteTechnique(id, known.get().id(), now, caller.username())) {
                    audit.record(now, caller.username(), "incident.technique", target(id), known.get().id() + " " + known.get().name());
                }
            });
            return new Done<>(incidents.techniques(id));
        });
    }

    /** Notes malware or a tool (an ATT&CK software id such as S1068) as found in the incident. */
    public IncidentOutcome<List<AttackCatalogue.Software>> noteSoftware(long id, String software, Caller caller) {
        return withAccess(id, caller, Access::canWrite, "this incident is read-only for you", (incident, access) -> {
            Optional<AttackCatalogue.Software> known = attack.software(software);
            if (known.isEmpty()) {
                return Rejected.of("software", "'" + software + "' is not malware or a tool of the ATT&CK group profiles (e.g. S1068)");
            }
            Instant now = clock.instant();
            transactions.executeWithoutResult(transaction -> {
                if (incidents.noteSoftware(id, known.get().id(), now, caller.username())) {
                    audit.record(now, caller.username(), "incident.software", target(id), known.get().id() + " " + known.get().name());
                }
            });
            return new Done<>(incidents.software(id).stream().flatMap(found -> attack.software(found).stream()).toList());
        });
    }

    /** The group's techniques, each marked observed or not yet seen in this incident. */
    public IncidentOutcome<List<AttackCatalogue.CoverageRow>> coverage(long id, String group, Caller caller) {
        return withAccess(id, caller, Access::canRead, "", (incident, access) -> attack.group(group)
                .<IncidentOutcome<List<AttackCatalogue.CoverageRow>>>map(profile -> new Done<>(attack.coverage(profile,
                        incidents.techniques(id).stream().map(IncidentStore.NotedTechnique::technique).collect(Collectors.toSet()))))
                .orElseGet(() -> Rejected.of("group", "no group profile '" + group + "'")));
    }

    public IncidentOutcome<TimelineItem> record(long id, NewEntry entry, Caller caller) {
        return withAccess(id, caller, Access::canWrite, "this incident is read-only for you", (incident, access) -> {
            List<Problem> problems = new ArrayList<>();
            Instant now = clock.instant();
            Instant occurredAt = entry.occurredAt() == null ? now : entry.occurredAt();
            if (occurredAt.isAfter(now.plusSeconds(60))) {
                problems.add(new Problem("occurred_at", "cannot be in the future (" + occurredAt + ")"));
            }
            Optional<TimelineKind> kind = Coded.parse(TimelineKind.class, entry.kind() == null ? "" : entry.kind());
            if (kind.isEmpty() || kind.get() == TimelineKind.STATE_CHANGE) {
                problems.add(new Problem("kind", "one of detection|action|decision|communication|evidence|note"
                        + " (state changes come from the systems' state log)"));
            }
            String summary = text(entry.summary(), "summary", MAX_TEXT, true, problems);
            String source = text(entry.source(), "source", 200, false, problems);
            String technique = null;
            if (entry.technique() != null && !entry.technique().isBlank()) {
                Optional<AttackCatalogue.Technique> known = attack.technique(entry.technique());
                if (known.isEmpty()) {
                    problems.add(new Problem("technique", "'" + entry.technique() + "' is not an ATT&CK Enterprise technique"));
                } else {
                    technique = known.get().id();
                }
            }
            Counterpart counterpart = blank(entry.counterpart()) ? null : coded(Counterpart.class, entry.counterpart(), Counterpart.OTHER,
                    "counterpart", problems);
            Channel channel = blank(entry.channel()) ? null : coded(Channel.class, entry.channel(), Channel.OTHER, "channel", problems);
            if (entry.attachment() != null && !incidents.hasEvidence(id, entry.attachment())) {
                problems.add(new Problem("attachment", "incident " + id + " has no evidence item " + entry.attachment()));
            }
            if (!problems.isEmpty()) {
                return new Rejected<>(problems);
            }
            TimelineStore.Communication communication = new TimelineStore.Communication(counterpart, channel, entry.attachment());
            String tagged = technique;
            TimelineStore.Entry saved = transactions.execute(transaction -> {
                TimelineStore.Entry appended = timeline.append(id, occurredAt, kind.get(), summary, source, tagged, communication, now,
                        caller.username());
                if (tagged != null) {
                    incidents.noteTechnique(id, tagged, now, caller.username());
                }
                audit.record(now, caller.username(), "incident.timeline", target(id),
                        kind.get().id() + " at " + occurredAt + ": " + summary);
                return appended;
            });
            return new Done<>(item(saved));
        });
    }

    /**
     * Puts what another part of the incident's work did on its timeline (a task done, evidence
     * collected or handed over), in the caller's transaction.
     */
    public void noteOnTimeline(long id, Instant occurredAt, TimelineKind kind, String summary, String source, Instant recordedAt,
                               String actor) {
        timeline.append(id, occurredAt, kind, summary.length() > MAX_TEXT ? summary.substring(0, MAX_TEXT) : summary,
                source.length() > 200 ? source.substring(0, 200) : source, null, recordedAt, actor);
    }

    /**
     * The incident's timeline: responders' entries and, for an incident tied to the enterprise
     * scenario, every system state change since it started, in the order things happened.
     */
    public IncidentOutcome<List<TimelineItem>> timeline(long id, Caller caller) {
        return withAccess(id, caller, Access::canRead, "", (incident, access) -> {
            List<TimelineItem> items = new ArrayList<>();
            timeline.of(id).forEach(entry -> items.add(item(entry)));
            if (incident.scenario() != null) {
                Instant from = incident.startedAt() != null ? incident.startedAt() : incident.createdAt();
                stateEvents.all().stream()
                        .filter(event -> !event.occurredAt().isBefore(from))
                        .forEach(event -> items.add(new TimelineItem("system-state", event.id(), event.occurredAt(),
                                TimelineKind.STATE_CHANGE, event.system() + " " + event.state().id() + ": " + event.reason(),
                                "system state log", null, event.recordedAt(), event.actor(), null, null, null)));
            }
            items.sort(Comparator.comparing(TimelineItem::occurredAt).thenComparing(TimelineItem::recordedAt));
            return new Done<>(items);
        });
    }

    /**
     * Adds pasted observables: all of them, or none when any line is not an observable. Values the
     * incident already has are marked seen again rather than stored twice.
     */
    public IncidentOutcome<Added> addObservables(long id, Paste paste, Caller caller) {
        return withAccess(id, caller, Access::canWrite, "this incident is read-only for you", (incident, access) -> {
            List<Problem> problems = new ArrayList<>();
            Tlp tlp = coded(Tlp.class, paste.tlp(), Tlp.AMBER, "tlp", problems);
            List<String> tags = paste.tags() == null ? List.of()
                    : paste.tags().stream().map(String::strip).filter(tag -> !tag.isEmpty()).distinct().toList();
            if (tags.stream().anyMatch(tag -> tag.contains(",") || tag.length() > 100)) {
                problems.add(new Problem("tags", "a tag is a word or phrase without commas, up to 100 characters"));
            }
            if (!problems.isEmpty()) {
                return new Rejected<>(problems);
            }
            Marking marking = new Marking(paste.ioc() == null || paste.ioc(), Boolean.TRUE.equals(paste.sighted()), tlp, tags);
            ObservableParser.Result parsed = ObservableParser.parse(paste.text() == null ? "" : paste.text());
            if (!parsed.clean()) {
                return new Rejected<>(parsed.problems().stream()
                        .map(problem -> new Problem("line " + problem.line(), problem.text() + ": " + problem.reason())).toList());
            }
            if (parsed.observables().isEmpty()) {
                return Rejected.of("observables", "nothing to add: paste one observable per line");
            }
            List<Marked> marked = parsed.observables().stream().map(one -> new Marked(one.observable(), marking)).toList();
            Added added = store(id, marked, caller, marking.tlp().label() + (marking.ioc() ? ", IOC" : "")
                    + (marking.sighted() ? ", sighted" : ""));
            return new Done<>(new Added(added.added(), added.alreadyKnown(), parsed.repeats()));
        });
    }

    /** An observable and how it is to be marked. */
    public record Marked(Observable observable, Marking marking) {
    }

    /**
     * Adds observables read from another tool (a STIX bundle, a MISP event), each with its own
     * marking, all in one transaction; ones the incident has are marked seen again.
     */
    public IncidentOutcome<Added> importObservables(long id, List<Marked> items, String source, Caller caller) {
        return withAccess(id, caller, Access::canWrite, "this incident is read-only for you", (incident, access) -> {
            if (items.isEmpty()) {
                return Rejected.of("observables", "nothing to add: " + source + " holds no observable Rebound can record");
            }
            return new Done<>(store(id, items, caller, "from " + source));
        });
    }

    private Added store(long id, List<Marked> items, Caller caller, String note) {
        Instant now = clock.instant();
        return transactions.execute(transaction -> {
            Map<Observable, Long> known = observables.idsByValue(id);
            Map<Marking, List<Observable>> added = new LinkedHashMap<>();
            List<Long> seenAgain = new ArrayList<>();
            for (Marked item : items) {
                Long existing = known.get(item.observable());
                if (existing == null) {
                    added.computeIfAbsent(item.marking(), marking -> new ArrayList<>()).add(item.observable());
                } else {
                    seenAgain.add(existing);
                }
            }
            added.forEach((marking, values) -> observables.addAll(id, values, marking, now, now, caller.username()));
            observables.seenAgain(seenAgain, now);
            int count = added.values().stream().mapToInt(List::size).sum();
            audit.record(now, caller.username(), "incident.observables", target(id),
                    count + " added, " + seenAgain.size() + " already known, " + note);
            return new Added(count, seenAgain.size(), 0);
        });
    }

    /**
     * The incident's observables with where else each was seen (only incidents the caller is a
     * member of are named). An external partner sees only those marked for community sharing.
     */
    public IncidentOutcome<List<ObservableItem>> observables(long id, Caller caller) {
        return withAccess(id, caller, Access::canSeeShared, "", (incident, access) -> {
            Set<Long> mine = incidents.withMember(caller.username()).stream().map(StoredIncident::id).collect(Collectors.toSet());
            Map<Long, List<Long>> elsewhere = observables.alsoSeenIn(id);
            return new Done<>(observables.of(id).stream()
                    .filter(observable -> access.canRead() || observable.tlp().shareableWithCommunity())
                    .map(observable -> new ObservableItem(observable, observable.observable().defanged(),
                            elsewhere.getOrDefault(observable.id(), List.of()).stream().filter(mine::contains).distinct().toList()))
                    .toList());
        });
    }

    /**
     * Runs {@code action} when the caller's access to the incident passes {@code allowed}; otherwise the
     * incident is not found (for those who may not know it exists) or the action is refused.
     */
    public <T> IncidentOutcome<T> guarded(long id, Caller caller, Predicate<Access> allowed, String refusal,
                                          Supplier<IncidentOutcome<T>> action) {
        return withAccess(id, caller, allowed, refusal, (incident, access) -> action.get());
    }

    private <T> IncidentOutcome<T> withAccess(long id, Caller caller, Predicate<Access> allowed, String refusal,
                                              BiFunction<StoredIncident, Access, IncidentOutcome<T>> action) {
        Optional<StoredIncident> incident = incidents.find(id);
        if (incident.isEmpty()) {
            return new NotFound<>(id);
        }
        Access access = access(incident.get(), caller);
        if (access == Access.NONE) {
            return new NotFound<>(id);
        }
        if (!allowed.test(access)) {
            return new Forbidden<>(!refusal.isEmpty() ? refusal
                    : access == Access.MEMBERSHIP_ONLY ? "you are not a member of this incident" : "not shared with you");
        }
        return action.apply(incident.get(), access);
    }

    /** What an administrator who is not a member sees (that the incident exists), and a partner of an incident not shared. */
    private static StoredIncident withoutContent(StoredIncident incident) {
        return new StoredIncident(incident.id(), incident.title(), "", incident.severity(), incident.status(), incident.tlp(),
                incident.pap(), incident.lead(), incident.scenario(), null, null, null, null, incident.createdAt(), incident.createdBy(),
                incident.parent(), incident.mergedInto());
    }

    private TimelineItem item(TimelineStore.Entry entry) {
        return new TimelineItem("manual", entry.id(), entry.occurredAt(), entry.kind(), entry.summary(), entry.source(),
                entry.technique(), entry.recordedAt(), entry.recordedBy(), entry.counterpart(), entry.channel(), entry.attachment());
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private static String text(@Nullable String value, String field, int max, boolean required, List<Problem> problems) {
        String text = value == null ? "" : value.strip();
        if (required && text.isEmpty()) {
            problems.add(new Problem(field, "required"));
        } else if (text.length() > max) {
            problems.add(new Problem(field, "longer than " + max + " characters"));
        }
        return text;
    }

    private static <E extends Enum<E> & Coded> E coded(Class<E> type, @Nullable String value, E fallback, String field,
                                                        List<Problem> problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Optional<E> parsed = Coded.parse(type, value.replace('+', '-').replaceFirst("(?i)^(tlp|pap):", ""));
        if (parsed.isEmpty()) {
            problems.add(new Problem(field, "unknown " + field + " '" + value + "'; one of " + Coded.spellings(type)));
            return fallback;
        }
        return parsed.get();
    }

    private static @Nullable Instant either(@Nullable Instant changed, @Nullable Instant current) {
        return changed != null ? changed : current;
    }

    private static String describeChanges(StoredIncident before, IncidentFields after) {
        List<String> changes = new ArrayList<>();
        Function<Object, String> show = value -> value instanceof Coded coded ? coded.id() : String.valueOf(value);
        compare(changes, "title", before.title(), after.title(), show);
        compare(changes, "severity", before.severity(), after.severity(), show);
        compare(changes, "status", before.status(), after.status(), show);
        compare(changes, "tlp", before.tlp(), after.tlp(), show);
        compare(changes, "pap", before.pap(), after.pap(), show);
        compare(changes, "lead", before.lead(), after.lead(), show);
        compare(changes, "started_at", before.startedAt(), after.startedAt(), show);
        compare(changes, "detected_at", before.detectedAt(), after.detectedAt(), show);
        compare(changes, "contained_at", before.containedAt(), after.containedAt(), show);
        compare(changes, "recovered_at", before.recoveredAt(), after.recoveredAt(), show);
        if (!before.summary().equals(after.summary())) {
            changes.add("summary rewritten");
        }
        return changes.isEmpty() ? "no change" : String.join("; ", changes);
    }

    private static void compare(List<String> changes, String field, @Nullable Object before, @Nullable Object after,
                                Function<Object, String> show) {
        if (!Objects.equals(before, after)) {
            changes.add(field + ": " + (before == null ? "-" : show.apply(before)) + " -> " + (after == null ? "-" : show.apply(after)));
        }
    }

    private static String target(long id) {
        return "incident/" + id;
    }
}
