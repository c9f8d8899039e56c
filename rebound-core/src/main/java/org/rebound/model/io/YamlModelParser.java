package org.rebound.model.io;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.rebound.model.Backlog;
import org.rebound.model.BusinessProcess;
import org.rebound.model.Coded;
import org.rebound.model.Enterprise;
import org.rebound.model.EnterpriseSystem;
import org.rebound.model.Estimate;
import org.rebound.model.Recovery;
import org.rebound.model.Requirements;
import org.rebound.model.Scenario;
import org.rebound.model.Shift;
import org.rebound.model.Site;
import org.rebound.model.SiteKind;
import org.rebound.model.SystemKind;
import org.rebound.model.Team;
import org.rebound.model.Workaround;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Turns a composed model file into an {@link Enterprise}, reporting every structural problem:
 * missing or unknown fields, values of the wrong type, malformed durations, duplicate ids.
 * References between parts are checked afterwards by {@link ModelValidator}.
 */
final class YamlModelParser {

    static final Set<String> TOP_LEVEL = orderedSet("enterprise", "currency", "sites", "teams", "systems",
            "processes", "backlogs", "scenarios");
    private static final Set<String> SITE = orderedSet("id", "name", "kind");
    private static final Set<String> TEAM = orderedSet("id", "name", "skills", "members", "shift");
    private static final Set<String> SHIFT = orderedSet("start", "hours", "zone");
    static final Set<String> SYSTEM = orderedSet("id", "name", "site", "kind", "skill", "recovery", "depends_on", "data");
    private static final Set<String> RECOVERY = orderedSet("triage", "restore", "validate", "crew");
    private static final Set<String> PROCESS = orderedSet("id", "name", "site", "cost_per_hour", "requires", "workaround");
    private static final Set<String> REQUIRES = orderedSet("all", "any", "k_of");
    private static final Set<String> K_OF = orderedSet("k", "of");
    private static final Set<String> WORKAROUND = orderedSet("capacity", "lead_time", "cost_per_hour");
    private static final Set<String> BACKLOG = orderedSet("id", "process", "unit", "inflow_per_hour", "clear_per_hour");
    private static final Set<String> SCENARIO = orderedSet("id", "start", "compromised", "exfiltrated");

    private final NodeReader read;
    private final Problems problems;
    /** Ids of items that were declared but dropped for a problem, so references to them are not reported again. */
    private final Set<String> brokenIds;

    YamlModelParser(String source, Problems problems, Set<String> brokenIds) {
        this.read = new NodeReader(source, problems);
        this.problems = problems;
        this.brokenIds = brokenIds;
    }

    @Nullable Enterprise parse(Node root, List<EnterpriseSystem> extraSystems) {
        Map<String, Node> top = read.mapping(root, "", TOP_LEVEL);
        if (top == null) {
            return null;
        }
        String name = top.containsKey("enterprise") ? read.string(top.get("enterprise"), "enterprise") : null;
        if (!top.containsKey("enterprise")) {
            problems.error("enterprise", "missing required field 'enterprise' (the company's name)");
        }
        String currency = top.containsKey("currency") ? currency(top.get("currency")) : null;
        if (!top.containsKey("currency")) {
            problems.error("currency", "missing required field 'currency' (an ISO 4217 code such as GBP)");
        }
        List<Site> sites = items(top, "sites", this::site);
        List<Team> teams = items(top, "teams", this::team);
        List<EnterpriseSystem> systems = new ArrayList<>(items(top, "systems", this::system));
        systems.addAll(extraSystems);
        List<BusinessProcess> processes = items(top, "processes", this::process);
        List<Backlog> backlogs = items(top, "backlogs", this::backlog);
        List<Scenario> scenarios = items(top, "scenarios", this::scenario);
        // A missing name or currency is already reported; references are still checked so that one
        // run shows every problem.
        return new Enterprise(name == null ? "" : name, currency == null ? "XXX" : currency,
                sites, teams, systems, processes, backlogs, scenarios);
    }

    private @Nullable String currency(Node node) {
        String code = read.string(node, "currency");
        if (code == null) {
            return null;
        }
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException unknown) {
            problems.error("currency", "'" + code + "' is not an ISO 4217 currency code such as GBP, EUR or USD");
            return null;
        }
    }

    /**
     * Reads the list under {@code key}. Each item is read by {@code reader} at its path
     * ({@code systems[ad-core]}, or {@code systems[#3]} before its id is known); items with a problem are left out.
     */
    private <T> List<T> items(Map<String, Node> top, String key, BiFunction<Node, String, @Nullable T> reader) {
        Node node = top.get(key);
        if (node == null) {
            return List.of();
        }
        List<Node> elements = read.sequence(node, key);
        if (elements == null) {
            return List.of();
        }
        List<T> items = new ArrayList<>(elements.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < elements.size(); i++) {
            Node element = elements.get(i);
            String path = key + "[" + itemLabel(element, i) + "]";
            if (seen.contains(path)) {
                String duplicate = path + "#" + (i + 1);
                read.place(duplicate, element);
                problems.error(duplicate, "duplicate id '" + itemLabel(element, i) + "': " + key + " already has an entry with this id");
                continue;
            }
            seen.add(path);
            T item = reader.apply(element, path);
            if (item != null) {
                items.add(item);
            } else {
                brokenIds.add(key + ":" + itemLabel(element, i));
            }
        }
        return items;
    }

    /** The item's id if it has a usable one, otherwise {@code #n}. */
    private static String itemLabel(Node element, int index) {
        if (element instanceof MappingNode mapping) {
            for (var tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key
                        && key.getValue().equals("id")
                        && tuple.getValueNode() instanceof ScalarNode value
                        && Ids.isValid(value.getValue().trim())) {
                    return value.getValue().trim();
                }
            }
        }
        return "#" + (index + 1);
    }

    private @Nullable Site site(Node node, String path) {
        Map<String, Node> fields = read.mapping(node, path, SITE);
        if (fields == null) {
            return null;
        }
        String id = idField(fields, path);
        String name = optional(fields, "name", path, id, read::string);
        SiteKind kind = coded(fields, "kind", path, SiteKind.class, SiteKind.OTHER);
        return id == null || name == null || kind == null ? null : new Site(id, name, kind);
    }

    private @Nullable Team team(Node node, String path) {
        Map<String, Node> fields = read.mapping(node, path, TEAM);
        if (fields == null) {
            return null;
        }
        String id = idField(fields, path);
        String name = optional(fields, "name", path, id, read::string);
        List<String> skills = required(fields, "skills", path, " (the skills this team restores systems with)", read::idList);
        Integer members = optional(fields, "members", path, 1, read::integer);
        if (members != null && members < 1) {
            problems.error(path + ".members", "a team needs at least 1 member, got " + members);
            members = null;
        }
        Shift shift = optional(fields, "shift", path, null, this::shift);
        boolean broken = id == null || name == null || skills == null || members == null
                || (fields.containsKey("shift") && shift == null);
        return broken ? null : new Team(id, name, skills, members, shift);
    }

    private @Nullable Shift shift(Node node, String path) {
        Map<String, Node> fields = read.mapping(node, path, SHIFT);
        if (fields == null) {
            return null;
        }
        LocalTime start = required(fields, "start", path, " (local time the shift begins, such as 07:00)", read::localTime);
        Integer hours = required(fields, "hours", path, " (length of the shift)", read::integer);
        if (hours != null && (hours < 1 || hours > 24)) {
            problems.error(path + ".hours", "a shift lasts 1 to 24 hours, got " + hours);
            hours = null;
        }
        ZoneId zone = optional(fields, "zone", path, ZoneOffset.UTC, read::zone);
        return start == null || hours == null || zone == null ? null : new Shift(start, hours, zone);
    }

    private @Nullable EnterpriseSystem system(Node node, String path) {
        Map<String, Node> fields = read.mapping(node, path, SYSTEM);
        if (fields == null) {
            return null;
        }
        String id = idField(fields, path);
        String name = optional(fields, "name", path, id, read::string);
        String site = optional(fields, "site", path, null, read::id);
        SystemKind kind = coded(fields, "kind", path, SystemKind.class, SystemKind.OTHER);
        String skill = optional(fields, "skill", path, null, read::id);
        Recovery recovery = optional(fields, "recovery", path, null, this::recovery);
        List<String> dependsOn = optionalIds(fields, "depends_on", path);
        List<String> data = optionalIds(fields, "data", path);
        boolean broken = id == null || name == null || kind == null || dependsOn == null || data == null
                || (fields.containsKey("site") && site == null)
                || (fields.containsKey("skill") && skill == null)
                || (fields.containsKey("recovery") && recovery == null);
        return broken ? null : new EnterpriseSystem(id, name, site, kind, skill, recovery, dependsOn, data);
    }

    private @Nullable Recovery recovery(Node node, String path) {
        Map<String, Node> fields = read.mapping(node, path, RECOVERY);
        if (fields == null) {
            return null;
        }
        Estimate triage = estimateOrZero(fields, "triage", path);
        Estimate restore = estimateOrZero(fields, "restore", path);
        Estimate validate = estimateOrZero(fields, "validate", path);
        Integer crew = optional(fields, "crew", path, 1, read::integer);
        if (crew != null && crew < 1) {
            problems.error(path + ".crew", "a crew has at least 1 member, got " + crew);
            crew = null;
        }
        return triage == null || restore == null || validate == null || crew == null
                ? null : new Recovery(triage, restore, validate, crew);
    }

    private @Nullable Estimate estimateOrZero(Map<String, Node> fields, String key, String path) {
        return optional(fields, key, path, Estimate.exactly(Duration.ZERO), read::estimate);
    }

    private @Nullable BusinessProcess process(Node node, String path) {
        Map<String, Node> fields = read.mapping(node, path, PROCESS);
        if (fields == null) {
            return null;
        }
        String id = idField(fields, path);
        String name = optional(fields, "name", path, id, read::string);
        String site = optional(fields, "site", path, null, read::id);
        Double cost = required(fields, "cost_per_hour", path, "", read::nonNegative);
        Requirements requires = required(fields, "requires", path, " (the systems the process needs)", this::requirements);
        Workaround workaround = optional(fields, "workaround", path, null, this::workaround);
        boolean broken = id == null || name == null || cost == null || requires == null
                || (fields.containsKey("site") && site == null)
                || (fields.containsKey("workaround") && workaround == null);
        return broken ? null : new BusinessProcess(id, name, site, cost, requires, workaround);
    }

    private @Nullable Requirements requirements(Node node, String path) {
        Map<String, Node> fields = read.mapping(node, path, REQUIRES);
        if (fields == null) {
            return null;
        }
        boolean complete = true;
        List<String> all = optional(fields, "all", path, List.of(), read::idList);
        complete = all != null;
        List<List<String>> any = new ArrayList<>();
        if (fields.containsKey("any")) {
            List<Node> groups = read.sequence(fields.get("any"), path + ".any");
            if (groups == null) {
                complete = false;
            } else {
                for (int i = 0; i < groups.size(); i++) {
                    List<String> group = read.idList(groups.get(i), path + ".any[" + i + "]");
                    if (group == null) {
                        complete = false;
                    } else if (group.isEmpty()) {
                        problems.error(path + ".any[" + i + "]", "an 'any' group needs at least one system");
                        complete = false;
                    } else {
                        any.add(group);
                    }
                }
            }
        }
        List<Requirements.KOf> kOf = new ArrayList<>();
        if (fields.containsKey("k_of")) {
            List<Node> groups = read.sequence(fields.get("k_of"), path + ".k_of");
            if (groups == null) {
                complete = false;
            } else {
                for (int i = 0; i < groups.size(); i++) {
                    Requirements.KOf group = kOf(groups.get(i), path + ".k_of[" + i + "]");
                    if (group == null) {
                        complete = false;
                    } else {
                        kOf.add(group);
                    }
                }
            }
        }
        if (complete && all.isEmpty() && any.isEmpty() && kOf.isEmpty()) {
            problems.error(path, "name at least one required system under all, any or k_of");
            return null;
        }
        return complete ? new Requirements(all, any, kOf) : null;
    }

    private Requirements.@Nullable KOf kOf(Node node, String path) {
        Map<String, Node> fields = read.mapping(node, path, K_OF);
        if (fields == null) {
            return null;
        }
        Integer k = required(fields, "k", path, "", read::integer);
        List<String> of = required(fields, "of", path, "", read::idList);
        if (k == null || of == null) {
            return null;
        }
        if (k < 1 || k > of.size()) {
            problems.error(path + ".k", "k must be between 1 and the " + of.size() + " systems listed under 'of', got " + k);
            return null;
        }
        return new Requirements.KOf(k, of);
    }

    private @Nullable Workaround workaround(Node node, String path) {
        Map<String, Node> fields = read.mapping(node, path, WORKAROUND);
        if (fields == null) {
            return null;
        }
        Double capacity = required(fields, "capacity", path, "", read::number);
        if (capacity != null && (capacity < 0 || capacity > 1)) {
            problems.error(path + ".capacity", "capacity is the fraction of normal output, between 0 and 1; got "
                    + NodeReader.format(capacity));
            capacity = null;
        }
        Duration leadTime = optional(fields, "lead_time", path, Duration.ZERO, read::duration);
        Double cost = optional(fields, "cost_per_hour", path, 0.0, read::nonNegative);
        return capacity == null || leadTime == null || cost == null ? null : new Workaround(capacity, leadTime, cost);
    }

    private @Nullable Backlog backlog(Node node, String path) {
        Map<String, Node> fields = read.mapping(node, path, BACKLOG);
        if (fields == null) {
            return null;
        }
        String id = idField(fields, path);
        String process = required(fields, "process", path, "", read::id);
        String unit = optional(fields, "unit", path, "items", read::string);
        Double inflow = required(fields, "inflow_per_hour", path, "", read::nonNegative);
        Double clear = required(fields, "clear_per_hour", path, "", read::nonNegative);
        return id == null || process == null || unit == null || inflow == null || clear == null
                ? null : new Backlog(id, process, unit, inflow, clear);
    }

    private @Nullable Scenario scenario(Node node, String path) {
        Map<String, Node> fields = read.mapping(node, path, SCENARIO);
        if (fields == null) {
            return null;
        }
        String id = idField(fields, path);
        Instant start = required(fields, "start", path, " (when the incident began, ISO-8601)", read::instant);
        List<String> compromised = optionalIds(fields, "compromised", path);
        List<String> exfiltrated = optionalIds(fields, "exfiltrated", path);
        return id == null || start == null || compromised == null || exfiltrated == null
                ? null : new Scenario(id, start, compromised, exfiltrated);
    }

    private @Nullable String idField(Map<String, Node> fields, String path) {
        return required(fields, "id", path, "", read::id);
    }

    private @Nullable List<String> optionalIds(Map<String, Node> fields, String key, String path) {
        return optional(fields, key, path, List.of(), read::idList);
    }

    /** Reads field {@code key} of an item with {@code reader}, reporting it missing with {@code hint}. */
    private <T> @Nullable T required(Map<String, Node> fields, String key, String path, String hint,
                                     BiFunction<Node, String, @Nullable T> reader) {
        Node node = fields.get(key);
        if (node == null) {
            problems.error(path, "missing required field '" + key + "'" + hint);
            return null;
        }
        return reader.apply(node, path + "." + key);
    }

    /** Reads field {@code key} of an item with {@code reader}, or gives {@code fallback} when it is absent. */
    private <T> @Nullable T optional(Map<String, Node> fields, String key, String path, @Nullable T fallback,
                                     BiFunction<Node, String, @Nullable T> reader) {
        Node node = fields.get(key);
        return node == null ? fallback : reader.apply(node, path + "." + key);
    }

    private <E extends Enum<E> & Coded> @Nullable E coded(Map<String, Node> fields, String key, String path,
                                                         Class<E> type, E fallback) {
        Node node = fields.get(key);
        if (node == null) {
            return fallback;
        }
        String text = read.string(node, path + "." + key);
        if (text == null) {
            return null;
        }
        var parsed = Coded.parse(type, text);
        if (parsed.isEmpty()) {
            problems.error(path + "." + key, "unknown " + key + " '" + text + "'; expected one of " + Coded.spellings(type));
            return null;
        }
        return parsed.get();
    }

    private static Set<String> orderedSet(String... values) {
        return new LinkedHashSet<>(List.of(values));
    }
}
