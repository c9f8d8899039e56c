package org.rebound.obligations.application;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.rebound.audit.AuditLog;
import org.rebound.breach.application.BreachRegisters;
import org.rebound.breach.persistence.BreachStore;
import org.rebound.incident.Severity;
import org.rebound.incident.TimelineKind;
import org.rebound.incident.application.Access;
import org.rebound.incident.application.Caller;
import org.rebound.incident.application.IncidentOutcome;
import org.rebound.incident.application.IncidentOutcome.Done;
import org.rebound.incident.application.IncidentOutcome.Forbidden;
import org.rebound.incident.application.IncidentOutcome.Problem;
import org.rebound.incident.application.IncidentOutcome.Rejected;
import org.rebound.incident.application.Incidents;
import org.rebound.incident.persistence.IncidentStore.StoredIncident;
import org.rebound.model.Coded;
import org.rebound.obligations.DataCategories;
import org.rebound.obligations.IncidentFacts;
import org.rebound.obligations.Obligation;
import org.rebound.obligations.ObligationStatus;
import org.rebound.obligations.ObligationsEngine;
import org.rebound.obligations.persistence.ObligationStore;
import org.rebound.obligations.persistence.ObligationStore.MaterialityDecision;
import org.rebound.obligations.persistence.ObligationStore.Notice;
import org.rebound.obligations.persistence.ObligationStore.Profile;
import org.rebound.obligations.persistence.ObligationStore.RecordedFacts;
import org.rebound.security.Role;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification duties of each incident, recomputed from its current facts on every look: the
 * organisation profile, the facts recorded by DPO/legal and incident commanders (or, until they are,
 * awareness at detection and the counts of the incident's breach registers), the latest materiality
 * decision and the notices given. Members read them; DPO/legal, incident commanders and the incident's
 * managers record facts, decisions and notices; every change is audited.
 */
public final class IncidentObligations {

    /** Where the facts came from, so that the page can say which were recorded and which were counted or presumed. */
    public record Origin(@Nullable Instant recordedAt, @Nullable String recordedBy, BreachStore.Exposure registers,
                         boolean significancePresumed) {
    }

    /** An incident's duties as of {@code evaluatedAt}; {@code facts} is null until the organisation profile is set. */
    public record Report(StoredIncident incident, Access access, boolean mayRecord, @Nullable Profile profile,
                         @Nullable IncidentFacts facts, Origin origin, List<Obligation> obligations, List<Notice> notices,
                         List<MaterialityDecision> decisions, Instant evaluatedAt) {
    }

    /** The facts as recorded through the API or the page; they replace what was recorded before. */
    public record FactsInput(@Nullable Instant awareAt, boolean personalData, List<String> categories, Map<String, Long> affected,
                             @Nullable Boolean highRisk, boolean encrypted, boolean unlikelyRisk, boolean riskMitigated,
                             boolean disproportionateEffort, boolean significantIncident) {
    }

    public record ProfileInput(@Nullable String name, @Nullable String country, @Nullable String nis2, boolean secRegistrant,
                               @Nullable String nis2MemberState, @Nullable String timezone) {
    }

    public record NoticeInput(@Nullable String rule, @Nullable String recipient, @Nullable String channel,
                              @Nullable String reference, @Nullable String approvedBy, @Nullable Instant sentAt) {
    }

    /** An open duty of one of the caller's incidents. */
    public record OpenDuty(StoredIncident incident, Obligation obligation) {
    }

    static final String RECORD_ONLY_FOR = "only DPO/legal, incident commanders and the incident's lead record notification facts";
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final Incidents incidents;
    private final BreachRegisters registers;
    private final ObligationStore store;
    private final ObligationsEngine engine;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public IncidentObligations(Incidents incidents, BreachRegisters registers, ObligationStore store, ObligationsEngine engine,
                               AuditLog audit, TransactionTemplate transactions, Clock clock) {
        this.incidents = incidents;
        this.registers = registers;
        this.store = store;
        this.engine = engine;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Optional<Profile> profile() {
        return store.profile();
    }

    /** Sets the organisation's standing under the laws; administrators and incident commanders only. */
    public IncidentOutcome<Profile> setProfile(ProfileInput input, Caller caller) {
        if (!caller.has(Role.ADMIN) && !caller.has(Role.INCIDENT_COMMANDER)) {
            return new Forbidden<>("only administrators and incident commanders set the organisation profile");
        }
        List<Problem> problems = new ArrayList<>();
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(new Problem("name", name.isEmpty() ? "required" : "longer than 200 characters"));
        }
        String country = country(input.country(), "country", true, problems);
        IncidentFacts.Nis2 nis2 = IncidentFacts.Nis2.NONE;
        if (input.nis2() != null && !input.nis2().isBlank()) {
            Optional<IncidentFacts.Nis2> parsed = Coded.parse(IncidentFacts.Nis2.class, input.nis2());
            if (parsed.isEmpty()) {
                problems.add(new Problem("nis2", "use " + Coded.spellings(IncidentFacts.Nis2.class)));
            }
            nis2 = parsed.orElse(IncidentFacts.Nis2.NONE);
        }
        String memberState = country(input.nis2MemberState(), "nis2_member_state", false, problems);
        if (memberState != null && !engine.isEuMemberState(memberState)) {
            problems.add(new Problem("nis2_member_state", "'" + memberState + "' is not an EU member state"));
        }
        ZoneId zone = null;
        if (input.timezone() != null && !input.timezone().isBlank()) {
            try {
                zone = ZoneId.of(input.timezone().strip());
            } catch (DateTimeException unknown) {
                problems.add(new Problem("timezone", "unknown time zone '" + input.timezone() + "': use a region such as Europe/London"));
            }
        }
        if (!problems.isEmpty()) {
            return new Rejected<>(problems);
        }
        IncidentFacts.Entity entity = new IncidentFacts.Entity(name, country, nis2, input.secRegistrant(), memberState, zone);
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            store.saveProfile(entity, now, caller.username());
            audit.record(now, caller.username(), "obligations.profile", "organisation", name + ", " + country + ", NIS2 "
                    + entity.nis2().id() + (input.secRegistrant() ? ", SEC registrant" : ""));
        });
        return new Done<>(store.profile().orElseThrow());
    }

    /** The incident's duties now, for any member who reads the incident (not external partners). */
    public IncidentOutcome<Report> report(long incident, Caller caller) {
        Instant now = clock.instant();
        return incidents.guarded(incident, caller, Access::canRead, "notification duties are not shared with you", () -> {
            Incidents.Detail detail = ((Done<Incidents.Detail>) incidents.detail(incident, caller)).value();
            return new Done<>(report(detail.incident(), detail.access(), mayRecord(caller, detail.access()), now));
        });
    }

    /** Every open duty of the caller's incidents, soonest deadline first (those without a fixed time last). */
    public List<OpenDuty> openDuties(Caller caller) {
        Instant now = clock.instant();
        List<OpenDuty> open = new ArrayList<>();
        for (Incidents.Listed listed : incidents.list(caller)) {
            if (!listed.access().canRead() || listed.incident().mergedInto() != null) {
                continue;
            }
            Report report = report(listed.incident(), listed.access(), false, now);
            report.obligations().stream()
                    .filter(obligation -> obligation.status() == ObligationStatus.DUE || obligation.status() == ObligationStatus.OVERDUE)
                    .forEach(obligation -> open.add(new OpenDuty(listed.incident(), obligation)));
        }
        open.sort(Comparator.comparing((OpenDuty duty) -> duty.obligation().deadline(), Comparator.nullsLast(Comparator.naturalOrder())));
        return open;
    }

    /** The duties of an incident as the system sees it, for deadline alerts. */
    Report reportForSystem(StoredIncident incident, Instant at) {
        return report(incident, Access.READ, false, at);
    }

    public IncidentOutcome<Report> recordFacts(long incident, FactsInput input, Caller caller) {
        return recording(incident, caller, () -> {
            List<Problem> problems = new ArrayList<>();
            Instant now = clock.instant();
            if (input.awareAt() == null) {
                problems.add(new Problem("aware_at", "required: when the organisation became aware of the incident"));
            } else if (input.awareAt().isAfter(now.plus(FUTURE_TOLERANCE))) {
                problems.add(new Problem("aware_at", "is in the future: " + input.awareAt()));
            }
            Set<String> groups = new TreeSet<>();
            for (String category : input.categories()) {
                if (category.isBlank()) {
                    continue;
                }
                DataCategories.groupOf(category).ifPresentOrElse(groups::add, () -> problems.add(new Problem("categories",
                        "unknown data category '" + category + "': use " + String.join(", ", DataCategories.GROUPS))));
            }
            Map<String, Long> affected = new LinkedHashMap<>();
            input.affected().forEach((place, people) -> {
                String code = place.strip().toUpperCase(Locale.ROOT);
                if (!engine.isKnownPlace(code)) {
                    problems.add(new Problem("affected." + place, "unknown place: use an ISO 3166 country code (GB) or a US state (US-CA)"));
                } else if (people == null || people < 0) {
                    problems.add(new Problem("affected." + place, "must be a whole number of people, 0 or more"));
                } else {
                    affected.put(code, people);
                }
            });
            if (!problems.isEmpty()) {
                return new Rejected<>(problems);
            }
            RecordedFacts recorded = new RecordedFacts(incident, input.awareAt(), input.personalData() || !groups.isEmpty(), groups,
                    affected, input.highRisk(), input.encrypted(), input.unlikelyRisk(), input.riskMitigated(),
                    input.disproportionateEffort(), input.significantIncident(), now, caller.username());
            transactions.executeWithoutResult(status -> {
                store.saveFacts(recorded);
                audit.record(now, caller.username(), "obligations.facts", "incident/" + incident, "aware at " + input.awareAt()
                        + "; personal data " + recorded.personalData() + " " + groups + "; affected " + affected
                        + "; high risk " + input.highRisk() + "; significant " + input.significantIncident());
            });
            return report(incident, caller);
        });
    }

    /** Records a materiality determination (SEC); the latest determination decides whether the 8-K clock runs. */
    public IncidentOutcome<Report> recordMateriality(long incident, boolean material, @Nullable Instant determinedAt, @Nullable String note,
                                                     Caller caller) {
        return recording(incident, caller, () -> {
            Instant now = clock.instant();
            if (determinedAt == null) {
                return Rejected.of("determined_at", "required: when the decision was taken");
            }
            if (determinedAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
                return Rejected.of("determined_at", "is in the future: " + determinedAt);
            }
            String text = note == null ? "" : note.strip();
            transactions.executeWithoutResult(status -> {
                store.addMaterialityDecision(incident, material, determinedAt, text, now, caller.username());
                incidents.noteOnTimeline(incident, determinedAt, TimelineKind.DECISION, "Materiality determination: the incident is "
                        + (material ? "material" : "not material") + (text.isEmpty() ? "" : " (" + text + ")"),
                        "Disclosure decision recorded by " + caller.username(), now, caller.username());
                audit.record(now, caller.username(), "obligations.materiality", "incident/" + incident,
                        (material ? "material" : "not material") + " as of " + determinedAt);
            });
            return report(incident, caller);
        });
    }

    /** Records a notice given under a rule: to whom, how, its reference, who approved it and when it went out. */
    public IncidentOutcome<Notice> recordNotice(long incident, NoticeInput input, Caller caller) {
        return recording(incident, caller, () -> {
            List<Problem> problems = new ArrayList<>();
            Instant now = clock.instant();
            String rule = input.rule() == null ? "" : input.rule().strip();
            if (!engine.ruleIds().contains(rule)) {
                problems.add(new Problem("rule", rule.isEmpty() ? "required" : "unknown rule '" + rule + "'"));
            }
            String recipient = required(input.recipient(), "recipient", 1000, problems);
            String channel = required(input.channel(), "channel", 40, problems);
            String reference = input.reference() == null ? "" : input.reference().strip();
            if (reference.length() > 200) {
                problems.add(new Problem("reference", "longer than 200 characters"));
            }
            String approvedBy = required(input.approvedBy(), "approved_by", 100, problems);
            if (input.sentAt() == null) {
                problems.add(new Problem("sent_at", "required"));
            } else if (input.sentAt().isAfter(now.plus(FUTURE_TOLERANCE))) {
                problems.add(new Problem("sent_at", "is in the future: " + input.sentAt()));
            }
            if (!problems.isEmpty()) {
                return new Rejected<>(problems);
            }
            long id = transactions.execute(status -> {
                long added = store.addNotice(incident, rule, recipient, channel, reference, approvedBy, input.sentAt(), now,
                        caller.username());
                incidents.noteOnTimeline(incident, input.sentAt(), TimelineKind.COMMUNICATION, "Notice under " + rule + " sent to "
                        + recipient + " by " + channel + (reference.isEmpty() ? "" : " (reference " + reference + ")")
                        + "; approved by " + approvedBy, "Notification tracking", now, caller.username());
                audit.record(now, caller.username(), "obligations.notice", "incident/" + incident + "/notice/" + added,
                        rule + " to " + recipient + " by " + channel + ", sent " + input.sentAt() + ", approved by " + approvedBy);
                return added;
            });
            return new Done<>(store.notice(incident, id).orElseThrow());
        });
    }

    public IncidentOutcome<Notice> acknowledge(long incident, long notice, @Nullable Instant at, @Nullable String text, Caller caller) {
        return recording(incident, caller, () -> {
            Optional<Notice> found = store.notice(incident, notice);
            if (found.isEmpty()) {
                return Rejected.of("notice", "no notice " + notice + " in this incident");
            }
            if (at == null) {
                return Rejected.of("acknowledged_at", "required");
            }
            if (at.isBefore(found.get().sentAt())) {
                return Rejected.of("acknowledged_at", "is before the notice was sent (" + found.get().sentAt() + ")");
            }
            String acknowledgement = text == null ? "" : text.strip();
            Instant now = clock.instant();
            transactions.executeWithoutResult(status -> {
                store.acknowledge(notice, at, acknowledgement);
                audit.record(now, caller.username(), "obligations.acknowledgement", "incident/" + incident + "/notice/" + notice,
                        "acknowledged " + at + (acknowledgement.isEmpty() ? "" : ": " + acknowledgement));
            });
            return new Done<>(store.notice(incident, notice).orElseThrow());
        });
    }

    /** Whether the caller may record facts, decisions and notices of an incident they write to. */
    public static boolean mayRecord(Caller caller, Access access) {
        return access.canWrite() && (access.canManage() || caller.has(Role.DPO_LEGAL) || caller.has(Role.INCIDENT_COMMANDER));
    }

    /** Runs {@code action} for those who may record notification facts, notices and drafts of the incident. */
    <T> IncidentOutcome<T> recording(long incident, Caller caller, Supplier<IncidentOutcome<T>> action) {
        return incidents.guarded(incident, caller, Access::canWrite, "this incident is read-only for you", () ->
                mayRecord(caller, incidents.access(incident, caller)) ? action.get() : new Forbidden<>(RECORD_ONLY_FOR));
    }

    private Report report(StoredIncident incident, Access access, boolean mayRecord, Instant at) {
        Optional<Profile> profile = store.profile();
        Optional<RecordedFacts> recorded = store.facts(incident.id());
        BreachStore.Exposure exposure = registers.exposure(incident.id());
        List<Notice> notices = store.notices(incident.id());
        List<MaterialityDecision> decisions = store.materialityDecisions(incident.id());
        boolean significancePresumed = recorded.isEmpty();
        Origin origin = new Origin(recorded.map(RecordedFacts::updatedAt).orElse(null),
                recorded.map(RecordedFacts::updatedBy).orElse(null), exposure, significancePresumed);
        if (profile.isEmpty()) {
            return new Report(incident, access, mayRecord, null, null, origin, List.of(), notices, decisions, at);
        }
        IncidentFacts facts = facts(incident, profile.get().entity(), recorded, exposure, notices, decisions);
        return new Report(incident, access, mayRecord, profile.get(), facts, origin, engine.evaluate(facts, at), notices, decisions, at);
    }

    private IncidentFacts facts(StoredIncident incident, IncidentFacts.Entity entity, Optional<RecordedFacts> recorded,
                                BreachStore.Exposure exposure, List<Notice> notices, List<MaterialityDecision> decisions) {
        Map<String, Long> affected = new HashMap<>();
        exposure.peopleByPlace().forEach((place, people) -> {
            if (engine.isKnownPlace(place)) {
                affected.put(place, people);
            }
        });
        Set<String> categories = new TreeSet<>(DataCategories.groupsOf(exposure.categories()));
        recorded.ifPresent(facts -> {
            affected.putAll(facts.affected());
            categories.addAll(facts.categories());
        });
        boolean involved = recorded.map(RecordedFacts::personalData).orElse(false) || !categories.isEmpty()
                || affected.values().stream().anyMatch(people -> people > 0);
        IncidentFacts.PersonalData data = new IncidentFacts.PersonalData(involved, categories,
                recorded.map(RecordedFacts::highRisk).orElse(null),
                recorded.map(RecordedFacts::encrypted).orElse(false), recorded.map(RecordedFacts::unlikelyRisk).orElse(false),
                recorded.map(RecordedFacts::riskMitigated).orElse(false),
                recorded.map(RecordedFacts::disproportionateEffort).orElse(false));
        Instant awareAt = recorded.map(RecordedFacts::awareAt).orElseGet(() -> defaultAwareness(incident));
        boolean significant = recorded.map(RecordedFacts::significantIncident)
                .orElse(incident.severity() == Severity.CRITICAL || incident.severity() == Severity.HIGH);
        Instant material = decisions.stream().findFirst().filter(MaterialityDecision::material)
                .map(MaterialityDecision::determinedAt).orElse(null);
        Map<String, Instant> done = new HashMap<>();
        for (Notice notice : notices) {
            done.merge(notice.rule(), notice.sentAt(), (first, later) -> first.isBefore(later) ? first : later);
        }
        return new IncidentFacts(awareAt, incident.startedAt(), entity, data, affected, significant, material, done);
    }

    /** Until someone records it, the organisation is taken to have become aware when the incident was detected. */
    static Instant defaultAwareness(StoredIncident incident) {
        if (incident.detectedAt() != null) {
            return incident.detectedAt();
        }
        return incident.startedAt() != null && incident.startedAt().isBefore(incident.createdAt()) ? incident.startedAt()
                : incident.createdAt();
    }

    private @Nullable String country(@Nullable String value, String field, boolean required, List<Problem> problems) {
        String code = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            if (required) {
                problems.add(new Problem(field, "required: an ISO 3166 country code such as GB"));
            }
            return null;
        }
        if (!code.matches("[A-Z]{2}") || !engine.isKnownPlace(code)) {
            problems.add(new Problem(field, "'" + value + "' is not an ISO 3166 country code such as GB or DE"));
            return null;
        }
        return code;
    }

    private static String required(@Nullable String value, String field, int max, List<Problem> problems) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            problems.add(new Problem(field, "required"));
        } else if (text.length() > max) {
            problems.add(new Problem(field, "longer than " + max + " characters"));
        }
        return text;
    }
}
