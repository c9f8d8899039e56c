package org.rebound.obligations;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rebound.model.Coded;
import org.rebound.model.io.ModelProblem;
import org.rebound.model.io.NodeReader;
import org.rebound.model.io.Problems;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads the facts file of {@code rebound obligations} (documented in docs/obligations.md). Never throws
 * for bad input: every problem is reported with its file, line and field, and nothing is returned in part.
 */
public final class FactsReader {

    private static final Set<String> TOP = orderedSet("aware_at", "occurred_at", "entity", "personal_data", "affected",
            "significant_incident", "materiality_determined_at", "done");
    private static final Set<String> ENTITY = orderedSet("name", "country", "nis2", "sec_registrant",
            "nis2_member_state", "timezone");
    private static final Set<String> PERSONAL_DATA = orderedSet("involved", "categories", "high_risk", "encrypted",
            "unlikely_risk", "risk_mitigated", "disproportionate_effort");

    private final String source;
    private final Problems problems;
    private final NodeReader nodes;
    private final ObligationsEngine engine;

    private FactsReader(String source, ObligationsEngine engine) {
        this.source = source;
        this.problems = new Problems(source);
        this.nodes = new NodeReader(source, problems);
        this.engine = engine;
    }

    public static FactsLoad read(Path file) {
        String source = file.toString();
        try (Reader text = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new FactsReader(source, ObligationsEngine.standard()).read(text);
        } catch (IOException unreadable) {
            String reason = unreadable instanceof NoSuchFileException ? "no such file" : "cannot read: " + unreadable.getMessage();
            return new FactsLoad.Rejected(List.of(new ModelProblem(ModelProblem.Severity.ERROR, source, 0, 0, "", reason)));
        }
    }

    /** Reads facts from text, naming it {@code source} in problems. */
    public static FactsLoad read(String source, String text) {
        try {
            return new FactsReader(source, ObligationsEngine.standard()).read(new StringReader(text));
        } catch (IOException impossible) {
            throw new IllegalStateException("reading from a string failed", impossible);
        }
    }

    private FactsLoad read(Reader text) throws IOException {
        Optional<Node> root = NodeReader.compose(source, text, problems);
        if (root.isEmpty()) {
            return new FactsLoad.Rejected(problems.sorted());
        }
        IncidentFacts facts = facts(root.get());
        if (facts == null || problems.hasErrors()) {
            return new FactsLoad.Rejected(problems.sorted());
        }
        return new FactsLoad.Loaded(facts);
    }

    private @Nullable IncidentFacts facts(Node root) {
        Map<String, Node> fields = nodes.mapping(root, "", TOP);
        if (fields == null) {
            return null;
        }
        Instant awareAt = required(fields, "aware_at", "") ? nodes.instant(fields.get("aware_at"), "aware_at") : null;
        Instant occurredAt = fields.containsKey("occurred_at") ? nodes.instant(fields.get("occurred_at"), "occurred_at") : null;
        IncidentFacts.Entity entity = required(fields, "entity", "") ? entity(fields.get("entity")) : null;
        IncidentFacts.PersonalData personalData = fields.containsKey("personal_data")
                ? personalData(fields.get("personal_data")) : IncidentFacts.PersonalData.none();
        Map<String, Long> affected = fields.containsKey("affected") ? affected(fields.get("affected")) : Map.of();
        boolean significant = flag(fields, "significant_incident", "");
        Instant materialityAt = fields.containsKey("materiality_determined_at")
                ? nodes.instant(fields.get("materiality_determined_at"), "materiality_determined_at") : null;
        Map<String, Instant> done = fields.containsKey("done") ? done(fields.get("done")) : Map.of();
        if (awareAt != null) {
            notBefore(occurredAt, "occurred_at", awareAt, false);
            notBefore(materialityAt, "materiality_determined_at", awareAt, true);
            done.forEach((rule, at) -> notBefore(at, "done." + rule, awareAt, true));
        }
        if (awareAt == null || entity == null || personalData == null || affected == null || done == null) {
            return null;
        }
        return new IncidentFacts(awareAt, occurredAt, entity, personalData, affected, significant, materialityAt, done);
    }

    private void notBefore(@Nullable Instant value, String field, Instant awareAt, boolean mustFollow) {
        if (value == null) {
            return;
        }
        if (mustFollow && value.isBefore(awareAt)) {
            problems.error(field, "is " + value + ", before aware_at " + awareAt);
        } else if (!mustFollow && value.isAfter(awareAt)) {
            problems.error(field, "is " + value + ", after aware_at " + awareAt + ": an incident cannot be known before it happens");
        }
    }

    private IncidentFacts.@Nullable Entity entity(Node node) {
        Map<String, Node> fields = nodes.mapping(node, "entity", ENTITY);
        if (fields == null) {
            return null;
        }
        String name = required(fields, "name", "entity") ? nodes.string(fields.get("name"), "entity.name") : null;
        String country = required(fields, "country", "entity") ? country(fields.get("country"), "entity.country") : null;
        IncidentFacts.Nis2 nis2 = IncidentFacts.Nis2.NONE;
        if (fields.containsKey("nis2")) {
            String level = nodes.string(fields.get("nis2"), "entity.nis2");
            Optional<IncidentFacts.Nis2> parsed = level == null ? Optional.empty() : Coded.parse(IncidentFacts.Nis2.class, level);
            if (level != null && parsed.isEmpty()) {
                problems.error("entity.nis2", "unknown NIS2 classification '" + level + "': use "
                        + Coded.spellings(IncidentFacts.Nis2.class));
            }
            nis2 = parsed.orElse(IncidentFacts.Nis2.NONE);
        }
        String memberState = null;
        if (fields.containsKey("nis2_member_state")) {
            memberState = country(fields.get("nis2_member_state"), "entity.nis2_member_state");
            if (memberState != null && !engine.isEuMemberState(memberState)) {
                problems.error("entity.nis2_member_state", "'" + memberState + "' is not an EU member state");
            }
        }
        ZoneId zone = fields.containsKey("timezone") ? nodes.zone(fields.get("timezone"), "entity.timezone") : null;
        boolean secRegistrant = flag(fields, "sec_registrant", "entity");
        if (name == null || country == null) {
            return null;
        }
        return new IncidentFacts.Entity(name, country, nis2, secRegistrant, memberState, zone);
    }

    private IncidentFacts.@Nullable PersonalData personalData(Node node) {
        Map<String, Node> fields = nodes.mapping(node, "personal_data", PERSONAL_DATA);
        if (fields == null) {
            return null;
        }
        Set<String> groups = new LinkedHashSet<>();
        if (fields.containsKey("categories")) {
            List<Node> items = nodes.sequence(fields.get("categories"), "personal_data.categories");
            for (int i = 0; items != null && i < items.size(); i++) {
                String path = "personal_data.categories[" + i + "]";
                String category = nodes.string(items.get(i), path);
                if (category == null) {
                    continue;
                }
                Optional<String> group = DataCategories.groupOf(category);
                if (group.isEmpty()) {
                    problems.error(path, "unknown data category '" + category + "': use a group ("
                            + String.join(", ", DataCategories.GROUPS) + ") or a breach category id such as email or iban");
                } else {
                    groups.add(group.get());
                }
            }
        }
        boolean involved = fields.containsKey("involved") ? flag(fields, "involved", "personal_data") : !groups.isEmpty();
        if (!involved && !groups.isEmpty()) {
            problems.error("personal_data.involved", "is false, but categories of personal data are listed");
        }
        Boolean highRisk = fields.containsKey("high_risk") ? nodes.bool(fields.get("high_risk"), "personal_data.high_risk") : null;
        return new IncidentFacts.PersonalData(involved, groups, highRisk, flag(fields, "encrypted", "personal_data"),
                flag(fields, "unlikely_risk", "personal_data"), flag(fields, "risk_mitigated", "personal_data"),
                flag(fields, "disproportionate_effort", "personal_data"));
    }

    private @Nullable Map<String, Long> affected(Node node) {
        Map<String, Node> fields = nodes.entries(node, "affected");
        if (fields == null) {
            return null;
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        fields.forEach((place, value) -> {
            String path = "affected." + place;
            Integer people = nodes.integer(value, path);
            if (place.equals("UK")) {
                problems.error(path, "use the ISO 3166 code GB for the United Kingdom");
            } else if (!engine.isKnownPlace(place)) {
                problems.error(path, "unknown place '" + place + "': use an ISO 3166 country code (DE) or a US state (US-CA)");
            } else if (people != null && people < 0) {
                problems.error(path, "must not be negative, got " + people);
            } else if (people != null) {
                counts.put(place, people.longValue());
            }
        });
        return counts;
    }

    private @Nullable Map<String, Instant> done(Node node) {
        Map<String, Node> fields = nodes.entries(node, "done");
        if (fields == null) {
            return null;
        }
        Map<String, Instant> done = new LinkedHashMap<>();
        List<String> rules = engine.ruleIds();
        fields.forEach((rule, value) -> {
            String path = "done." + rule;
            Instant at = nodes.instant(value, path);
            if (!rules.contains(rule)) {
                problems.error(path, "unknown rule '" + rule + "'; rules are listed in docs/obligations.md");
            } else if (at != null) {
                done.put(rule, at);
            }
        });
        return done;
    }

    private @Nullable String country(Node node, String path) {
        String code = nodes.string(node, path);
        if (code != null && (!code.matches("[A-Z]{2}") || !engine.isKnownPlace(code))) {
            problems.error(path, "'" + code + "' is not an ISO 3166 country code such as GB or DE");
            return null;
        }
        return code;
    }

    private boolean flag(Map<String, Node> fields, String key, String parent) {
        if (!fields.containsKey(key)) {
            return false;
        }
        Boolean value = nodes.bool(fields.get(key), parent.isEmpty() ? key : parent + "." + key);
        return value != null && value;
    }

    private boolean required(Map<String, Node> fields, String key, String parent) {
        if (!fields.containsKey(key)) {
            problems.error(parent, "'" + key + "' is required");
            return false;
        }
        return true;
    }

    private static Set<String> orderedSet(String... keys) {
        return new LinkedHashSet<>(List.of(keys));
    }
}
