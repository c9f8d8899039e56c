package org.rebound.obligations;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates the rule book against an incident's facts. Pure: the same facts at the same instant give
 * the same obligations, so the server can recompute them whenever a fact changes.
 */
public final class ObligationsEngine {

    private static final Pattern AFFECTED = Pattern.compile("\\{affected:([A-Z-]+)}");

    private final Jurisdictions places;
    private final List<Rule> rules;
    private final Map<String, Rule> rulesById;

    private ObligationsEngine(Jurisdictions places, List<Rule> rules) {
        this.places = places;
        this.rules = rules;
        this.rulesById = rules.stream().collect(Collectors.toUnmodifiableMap(Rule::id, Function.identity()));
    }

    /** The engine with the rule book shipped in Rebound's resources. */
    public static ObligationsEngine standard() {
        return Standard.ENGINE;
    }

    private static final class Standard {
        static final ObligationsEngine ENGINE = create();

        private static ObligationsEngine create() {
            Jurisdictions places = Jurisdictions.standard();
            return new ObligationsEngine(places, RuleBook.standard(places));
        }
    }

    /** Every rule id, in rule-book order. */
    public List<String> ruleIds() {
        return rules.stream().map(Rule::id).toList();
    }

    /** Whether {@code place} is an ISO country code or a US state ({@code US-CA}) the engine knows. */
    public boolean isKnownPlace(String place) {
        return places.isKnownPlace(place);
    }

    /**
     * Whether {@code place} (a country code or a US state) lies in {@code region}: {@code EEA}, {@code EU},
     * a country code (which for {@code US} includes its states) or a US state.
     */
    public boolean inRegion(String place, String region) {
        return places.inRegion(place, region);
    }

    /** Whether {@code country} is a member state of the European Union (where NIS2 applies). */
    public boolean isEuMemberState(String country) {
        return places.member(country).filter(Jurisdictions.Member::eu).isPresent();
    }

    /**
     * Every rule evaluated against {@code facts} as of {@code at}: first the open duties by deadline
     * (those without a fixed deadline after those with one), then the ones done, then those not
     * triggered, each group in rule-book order.
     */
    public List<Obligation> evaluate(IncidentFacts facts, Instant at) {
        Situation situation = new Situation(facts, places);
        Map<String, Due> deadlines = new HashMap<>();
        List<Obligation> obligations = new ArrayList<>();
        for (Rule rule : rules) {
            obligations.add(evaluate(rule, situation, at, deadlines));
        }
        obligations.sort(Comparator.comparingInt(ObligationsEngine::group)
                .thenComparing(Obligation::deadline, Comparator.nullsLast(Comparator.naturalOrder())));
        return List.copyOf(obligations);
    }

    private static int group(Obligation obligation) {
        return switch (obligation.status()) {
            case OVERDUE, DUE -> 0;
            case DONE -> 1;
            case NOT_TRIGGERED -> 2;
        };
    }

    private Obligation evaluate(Rule rule, Situation situation, Instant at, Map<String, Due> deadlines) {
        IncidentFacts facts = situation.facts;
        ZoneId zone = zone(rule, situation);
        List<String> reasons = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Condition condition : rule.appliesWhen()) {
            Condition.Verdict verdict = condition.test(situation);
            (verdict.holds() ? reasons : failures).add(verdict.reason());
        }
        String recipient = recipient(rule.recipient(), situation);
        if (!failures.isEmpty()) {
            return obligation(rule, recipient, ObligationStatus.NOT_TRIGGERED, null, zone, false,
                    "Does not apply: " + String.join("; ", failures) + ".", null);
        }
        for (Rule.Exemption exemption : rule.exemptWhen()) {
            if (exemption.when().test(situation).holds()) {
                return obligation(rule, recipient, ObligationStatus.NOT_TRIGGERED, null, zone, false,
                        "Exempt: " + exemption.reason() + ". It would apply because " + String.join("; ", reasons) + ".",
                        null);
            }
        }
        Due due = due(rule, situation, deadlines);
        Instant doneAt = facts.done().get(rule.id());
        ObligationStatus status = doneAt != null ? ObligationStatus.DONE
                : due.at() != null && at.isAfter(due.at()) ? ObligationStatus.OVERDUE : ObligationStatus.DUE;
        StringBuilder why = new StringBuilder("Applies because ").append(String.join("; ", reasons)).append(". ");
        why.append(due.at() == null ? "No fixed deadline: " + rule.timing() + "." : "Deadline: " + due.explanation() + ".");
        if (doneAt != null && due.at() != null) {
            Duration margin = Duration.between(doneAt, due.at());
            why.append(" Done at ").append(doneAt).append(", ")
                    .append(hours(margin.abs())).append(margin.isNegative() ? " after the deadline." : " before the deadline.");
        } else if (status == ObligationStatus.OVERDUE) {
            why.append(" Overdue by ").append(hours(Duration.between(due.at(), at))).append(".");
        }
        return obligation(rule, recipient, status, due.at(), zone, due.provisional(), why.toString(), doneAt);
    }

    /** A rule's deadline, computing the rules it counts from first. */
    private Due due(Rule rule, Situation situation, Map<String, Due> deadlines) {
        Due known = deadlines.get(rule.id());
        if (known != null) {
            return known;
        }
        Due due;
        if (!(rule.deadline() instanceof Deadline.After after)) {
            due = new Due(null, false, "");
        } else {
            ZoneId zone = zone(rule, situation);
            due = switch (after.from()) {
                case AWARENESS -> {
                    Instant start = situation.facts.awareAt();
                    yield new Due(after.from(start, zone), false, after.describe() + " (" + start + ")");
                }
                case MATERIALITY -> {
                    Instant start = situation.facts.materialityDeterminedAt();
                    yield start == null ? new Due(null, false, "")
                            : new Due(after.from(start, zone), false, after.describe() + " (" + start + ")");
                }
                case SUBMISSION -> fromSubmission(after, zone, situation, deadlines);
            };
        }
        deadlines.put(rule.id(), due);
        return due;
    }

    private Due fromSubmission(Deadline.After after, ZoneId zone, Situation situation, Map<String, Due> deadlines) {
        String earlier = after.ofRule();
        Instant submitted = situation.facts.done().get(earlier);
        if (submitted != null) {
            return new Due(after.from(submitted, zone), false, after.describe() + " (submitted " + submitted + ")");
        }
        Due earlierDue = due(rulesById.get(earlier), situation, deadlines);
        if (earlierDue.at() == null) {
            return new Due(null, false, "");
        }
        return new Due(after.from(earlierDue.at(), zone), true, after.describe()
                + "; provisional, counted from that notice's own deadline (" + earlierDue.at()
                + ") until its submission is recorded");
    }

    private record Due(@Nullable Instant at, boolean provisional, String explanation) {
    }

    private ZoneId zone(Rule rule, Situation situation) {
        return switch (rule.zone()) {
            case "entity" -> situation.entityZone();
            case "authority" -> {
                Jurisdictions.Member lead = situation.leadMemberState();
                yield lead == null ? situation.entityZone() : lead.zone();
            }
            case "nis2-authority" -> {
                Jurisdictions.Member member = situation.nis2MemberState();
                yield member == null ? situation.entityZone() : member.zone();
            }
            default -> ZoneId.of(rule.zone());
        };
    }

    private static String recipient(String template, Situation situation) {
        String filled = template;
        if (filled.contains("{gdpr_authority}")) {
            filled = filled.replace("{gdpr_authority}", situation.gdprAuthority());
        }
        if (filled.contains("{nis2_authority}")) {
            filled = filled.replace("{nis2_authority}", situation.nis2Authority());
        }
        Matcher affected = AFFECTED.matcher(filled);
        return affected.replaceAll(match -> Situation.count(situation.affectedIn(match.group(1))));
    }

    private static Obligation obligation(Rule rule, String recipient, ObligationStatus status, @Nullable Instant deadline,
                                         ZoneId zone, boolean provisional, String why, @Nullable Instant doneAt) {
        return new Obligation(rule.id(), rule.title(), recipient, status, deadline, zone, rule.timing(), provisional,
                why, rule.source(), rule.url(), rule.content(), doneAt);
    }

    private static String hours(Duration span) {
        long hours = span.toHours();
        long minutes = span.toMinutesPart();
        if (hours >= 48) {
            return span.toDays() + " days " + span.toHoursPart() + " h";
        }
        return minutes == 0 ? hours + " h" : hours + " h " + minutes + " min";
    }
}
