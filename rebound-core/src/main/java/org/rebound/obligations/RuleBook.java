package org.rebound.obligations;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rebound.model.Coded;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Reads the rules from {@code rules.yaml} and expands {@code us-states.csv} into two rules per state
 * (residents, regulator). The resources ship with Rebound: a malformed rule is a build defect, so it
 * throws naming the rule and field rather than returning problems.
 */
final class RuleBook {

    private RuleBook() {
    }

    static List<Rule> standard(Jurisdictions places) {
        Map<String, Object> book = map(load("rules.yaml"), "rules.yaml");
        List<Rule> rules = new ArrayList<>();
        for (Object entry : list(book.get("rules"), "rules")) {
            rules.add(rule(map(entry, "rules[]")));
        }
        Map<String, Object> stateContent = map(book.get("us_state_content"), "us_state_content");
        List<String> regulatorContent = strings(book.get("us_regulator_content"), "us_regulator_content");
        for (Jurisdictions.UsState state : places.usStates()) {
            List<String> content = strings(stateContent.getOrDefault(state.code(), stateContent.get("default")),
                    "us_state_content." + state.code());
            Rule residents = residentsRule(state, content);
            rules.add(residents);
            if (state.regulatorAtLeast() != null) {
                rules.add(regulatorRule(state, residents, regulatorContent));
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Rule rule : rules) {
            if (!ids.add(rule.id())) {
                throw new IllegalStateException("rule id " + rule.id() + " is defined twice");
            }
        }
        return List.copyOf(rules);
    }

    private static Rule rule(Map<String, Object> fields) {
        String id = text(fields, "id", "rules[]");
        String at = "rules[" + id + "]";
        List<Condition> appliesWhen = new ArrayList<>();
        for (Object condition : list(fields.get("applies_when"), at + ".applies_when")) {
            appliesWhen.add(condition(condition, at + ".applies_when"));
        }
        List<Rule.Exemption> exemptions = new ArrayList<>();
        if (fields.containsKey("exempt_when")) {
            for (Object exemption : list(fields.get("exempt_when"), at + ".exempt_when")) {
                Map<String, Object> parts = map(exemption, at + ".exempt_when[]");
                exemptions.add(new Rule.Exemption(condition(parts.get("when"), at + ".exempt_when[].when"),
                        text(parts, "reason", at + ".exempt_when[]")));
            }
        }
        return new Rule(id, text(fields, "title", at), text(fields, "source", at), text(fields, "url", at),
                text(fields, "recipient", at), text(fields, "zone", at), appliesWhen, exemptions,
                deadline(fields.get("deadline"), at + ".deadline"), text(fields, "timing", at),
                strings(fields.get("content"), at + ".content"));
    }

    private static Condition condition(@Nullable Object value, String at) {
        Map<String, Object> fields = map(value, at);
        if (fields.size() != 1) {
            throw defect(at, "a condition has exactly one key, got " + fields.keySet());
        }
        Map.Entry<String, Object> only = fields.entrySet().iterator().next();
        Object argument = only.getValue();
        switch (only.getKey()) {
            case "any":
                return new Condition.AnyOf(list(argument, at + ".any").stream().map(option -> condition(option, at + ".any")).toList());
            case "not":
                return new Condition.Not(condition(argument, at + ".not"));
            case "nis2": {
                Set<IncidentFacts.Nis2> levels = EnumSet.noneOf(IncidentFacts.Nis2.class);
                for (String level : strings(argument, at + ".nis2")) {
                    levels.add(Coded.parse(IncidentFacts.Nis2.class, level)
                            .orElseThrow(() -> defect(at, "unknown NIS2 level " + level)));
                }
                return new Condition.Nis2In(levels);
            }
            case "entity_in":
                return new Condition.EntityIn(String.valueOf(argument));
            case "affected_in":
                if (argument instanceof Map<?, ?>) {
                    Map<String, Object> range = map(argument, at + ".affected_in");
                    return new Condition.AffectedIn(text(range, "region", at + ".affected_in"),
                            ((Number) range.get("at_least")).longValue());
                }
                return new Condition.AffectedIn(String.valueOf(argument), 1);
            case "categories":
                return new Condition.CategoriesAny(Set.copyOf(strings(argument, at + ".categories")));
            default:
                for (Condition.Fact fact : Condition.Fact.values()) {
                    if (fact.key().equals(only.getKey())) {
                        if (!(argument instanceof Boolean expected)) {
                            throw defect(at, only.getKey() + " takes true or false");
                        }
                        return new Condition.Is(fact, expected);
                    }
                }
                throw defect(at, "unknown condition " + only.getKey());
        }
    }

    private static Deadline deadline(@Nullable Object value, String at) {
        if ("none".equals(value)) {
            return new Deadline.None();
        }
        Map<String, Object> fields = map(value, at);
        Deadline.From from = switch (text(fields, "from", at)) {
            case "awareness" -> Deadline.From.AWARENESS;
            case "materiality" -> Deadline.From.MATERIALITY;
            case "submission" -> Deadline.From.SUBMISSION;
            default -> throw defect(at, "from must be awareness, materiality or submission");
        };
        String ofRule = from == Deadline.From.SUBMISSION ? text(fields, "of", at) : null;
        LocalTime cutoff = fields.containsKey("cutoff") ? LocalTime.parse(text(fields, "cutoff", at)) : null;
        for (Deadline.Unit unit : Deadline.Unit.values()) {
            String key = Coded.idOf(unit).replace('-', '_');
            if (fields.get(key) instanceof Integer amount) {
                return new Deadline.After(from, ofRule, unit, amount, cutoff);
            }
        }
        throw defect(at, "needs one of hours, days, months or business_days");
    }

    private static Rule residentsRule(Jurisdictions.UsState state, List<String> content) {
        List<Condition> covered = List.of(
                new Condition.Is(Condition.Fact.PERSONAL_DATA, true),
                new Condition.AffectedIn(state.code(), 1),
                new Condition.CategoriesAny(DataCategories.US_STATE_COVERED));
        Deadline deadline = state.days() == null ? new Deadline.None()
                : new Deadline.After(Deadline.From.AWARENESS, null, Deadline.Unit.DAYS, state.days(), null);
        String timing = "in the most expedient time possible and without unreasonable delay"
                + (state.days() == null ? "" : ", and no later than " + state.days() + " calendar days after discovery");
        return new Rule(state.rule(), "Notify affected residents of " + state.name(), state.statute(), "",
                "Affected residents of " + state.name() + " ({affected:" + state.code() + "} people)",
                state.zone().getId(), covered, List.of(encryptionSafeHarbour(state)), deadline, timing, content);
    }

    private static Rule regulatorRule(Jurisdictions.UsState state, Rule residents, List<String> content) {
        List<Condition> due = List.of(
                new Condition.Is(Condition.Fact.PERSONAL_DATA, true),
                new Condition.AffectedIn(state.code(), state.regulatorAtLeast()),
                new Condition.CategoriesAny(DataCategories.US_STATE_COVERED));
        String[] timing = state.regulatorTiming().split(":");
        int amount = timing.length > 1 ? Integer.parseInt(timing[1]) : 0;
        Deadline.After deadline = switch (timing[0]) {
            case "days" -> new Deadline.After(Deadline.From.AWARENESS, null, Deadline.Unit.DAYS, amount, null);
            case "business-days" -> new Deadline.After(Deadline.From.AWARENESS, null, Deadline.Unit.BUSINESS_DAYS, amount, null);
            case "with-notice", "before-notice", "after-notice" ->
                    new Deadline.After(Deadline.From.SUBMISSION, residents.id(), Deadline.Unit.DAYS, amount, null);
            case "after-notice-business-days" ->
                    new Deadline.After(Deadline.From.SUBMISSION, residents.id(), Deadline.Unit.BUSINESS_DAYS, amount, null);
            default -> throw defect("us-states.csv " + state.code(), "unknown regulator_timing " + state.regulatorTiming());
        };
        String when = switch (timing[0]) {
            case "days" -> "no later than " + amount + " calendar days after discovery";
            case "business-days" -> "within " + amount + " business days after discovery";
            case "with-notice" -> "no later than the notice to residents";
            case "before-notice" -> "before the notice to residents";
            case "after-notice" -> "within " + amount + " days after the notice to residents";
            default -> "within " + amount + " business days after the notice to residents";
        };
        String threshold = state.regulatorAtLeast() == 1 ? "whenever residents are notified"
                : "when at least " + Situation.count(state.regulatorAtLeast()) + " residents are affected";
        return new Rule(state.rule() + "-ag", "Notify the " + state.name() + " regulator", state.statute(), "",
                state.regulator(), state.zone().getId(), due, List.of(encryptionSafeHarbour(state)), deadline,
                when + " (" + threshold + ")", content);
    }

    private static Rule.Exemption encryptionSafeHarbour(Jurisdictions.UsState state) {
        return new Rule.Exemption(new Condition.Is(Condition.Fact.ENCRYPTED, true),
                "the data were encrypted and the key was not compromised (" + state.name() + "'s encryption safe harbour)");
    }

    private static Object load(String resource) {
        try (InputStream in = RuleBook.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the obligations package");
            }
            return new Load(LoadSettings.builder().setLabel(resource).build()).loadFromInputStream(in);
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot read " + resource, unreadable);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(@Nullable Object value, String at) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw defect(at, "must be a mapping");
    }

    private static List<?> list(@Nullable Object value, String at) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw defect(at, "must be a list");
    }

    private static List<String> strings(@Nullable Object value, String at) {
        return list(value, at).stream().map(String::valueOf).toList();
    }

    private static String text(Map<String, Object> fields, String key, String at) {
        Object value = fields.get(key);
        if (value == null) {
            throw defect(at, "needs " + key);
        }
        return String.valueOf(value);
    }

    private static IllegalStateException defect(String at, String message) {
        return new IllegalStateException("obligation rule book, " + at + ": " + message);
    }
}
