package org.rebound.incident;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The MITRE ATT&CK Enterprise catalogue (tactics, techniques and sub-techniques) and the group
 * profiles Rebound ships, read from the condensed copy in this package's resources (ATT&CK v18.1;
 * © The MITRE Corporation, reproduced under its licence, LICENSE-ATTACK.txt beside it). Loaded once.
 */
public final class AttackCatalogue {

    /** A column of the ATT&CK matrix. */
    public record Tactic(String id, String shortname, String name) {
    }

    /** A technique or sub-technique ({@code T1566} or {@code T1566.004}). */
    public record Technique(String id, String name, List<String> tactics, boolean subtechnique, String url) {

        /** The technique a sub-technique belongs to; itself for a technique. */
        public String parentId() {
            int dot = id.indexOf('.');
            return dot < 0 ? id : id.substring(0, dot);
        }
    }

    /** What a group is known to use: a technique ({@code attack-pattern}), {@code malware} or {@code tool}, and how. */
    public record Use(String type, String id, String name, String how) {
    }

    /** A threat group's profile. */
    public record Group(String id, String name, List<String> aliases, String description, List<Use> uses) {

        public List<Use> techniques() {
            return uses.stream().filter(use -> use.type().equals("attack-pattern")).toList();
        }
    }

    /** Malware or a tool ATT&CK knows ({@code S1068}), as the shipped group profiles name it. */
    public record Software(String id, String name, String type) {

        public boolean malware() {
            return type.equals("malware");
        }

        public String url() {
            return "https://attack.mitre.org/software/" + id;
        }
    }

    /** One technique of a group's profile and whether this incident has seen it. */
    public record CoverageRow(Technique technique, String how, boolean observed) {
    }

    public static final Pattern TECHNIQUE_ID = Pattern.compile("T\\d{4}(\\.\\d{3})?");
    private static final String RESOURCES = "attack/";
    private static final List<String> GROUPS = List.of("scattered-spider-G1015.json");
    private static volatile AttackCatalogue enterprise;

    private final List<Tactic> tactics;
    private final Map<String, Technique> techniques;
    private final Map<String, Group> groups;
    private final String source;

    private AttackCatalogue(String source, List<Tactic> tactics, Map<String, Technique> techniques, Map<String, Group> groups) {
        this.source = source;
        this.tactics = List.copyOf(tactics);
        this.techniques = techniques;
        this.groups = groups;
    }

    public static AttackCatalogue enterprise() {
        AttackCatalogue loaded = enterprise;
        if (loaded == null) {
            synchronized (AttackCatalogue.class) {
                if (enterprise == null) {
                    enterprise = load();
                }
                loaded = enterprise;
            }
        }
        return loaded;
    }

    public String source() {
        return source;
    }

    public List<Tactic> tactics() {
        return tactics;
    }

    public int size() {
        return techniques.size();
    }

    /** The technique with this id ({@code T1566.004}; case-insensitive), if ATT&CK has it. */
    public Optional<Technique> technique(String id) {
        return Optional.ofNullable(techniques.get(id.strip().toUpperCase(Locale.ROOT)));
    }

    /** Techniques whose id or name contains {@code text}, ids first, at most {@code limit}. */
    public List<Technique> search(String text, int limit) {
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return techniques.values().stream()
                .filter(technique -> technique.id().toLowerCase(Locale.ROOT).startsWith(needle)
                        || technique.name().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(Comparator.comparing((Technique technique) -> !technique.id().toLowerCase(Locale.ROOT).startsWith(needle))
                        .thenComparing(Technique::id))
                .limit(limit)
                .toList();
    }

    /** Malware or a tool ({@code S1068}; case-insensitive) used by one of the shipped groups. */
    public Optional<Software> software(String id) {
        String wanted = id.strip().toUpperCase(Locale.ROOT);
        return groups.values().stream().flatMap(group -> group.uses().stream())
                .filter(use -> !use.type().equals("attack-pattern") && use.id().equals(wanted))
                .map(use -> new Software(use.id(), use.name(), use.type()))
                .findFirst();
    }

    public Optional<Group> group(String id) {
        return Optional.ofNullable(groups.get(id.toUpperCase(Locale.ROOT)));
    }

    public List<Group> groups() {
        return List.copyOf(groups.values());
    }

    /**
     * The group's techniques in matrix order, each marked observed when the incident saw it or one of
     * its sub-techniques (seeing {@code T1566.004} counts as seeing {@code T1566}, not the other way round).
     */
    public List<CoverageRow> coverage(Group group, Set<String> observedTechniques) {
        Set<String> observedWithParents = observedTechniques.stream()
                .flatMap(id -> technique(id).stream())
                .flatMap(technique -> Stream.of(technique.id(), technique.parentId()))
                .collect(Collectors.toSet());
        Map<String, Integer> tacticOrder = new LinkedHashMap<>();
        tactics.forEach(tactic -> tacticOrder.put(tactic.shortname(), tacticOrder.size()));
        List<CoverageRow> rows = new ArrayList<>();
        for (Use use : group.techniques()) {
            technique(use.id()).ifPresent(technique ->
                    rows.add(new CoverageRow(technique, use.how(), observedWithParents.contains(technique.id()))));
        }
        rows.sort(Comparator.comparing((CoverageRow row) -> row.technique().tactics().stream()
                        .mapToInt(tactic -> tacticOrder.getOrDefault(tactic, Integer.MAX_VALUE)).min().orElse(Integer.MAX_VALUE))
                .thenComparing(row -> row.technique().id()));
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static AttackCatalogue load() {
        Map<String, Object> catalogue = (Map<String, Object>) read("enterprise-techniques.json");
        List<Tactic> tactics = ((List<Map<String, Object>>) catalogue.get("tactics")).stream()
                .map(tactic -> new Tactic(text(tactic, "id"), text(tactic, "shortname"), text(tactic, "name")))
                .toList();
        Map<String, Technique> techniques = new LinkedHashMap<>();
        for (Map<String, Object> technique : (List<Map<String, Object>>) catalogue.get("techniques")) {
            techniques.put(text(technique, "id"), new Technique(text(technique, "id"), text(technique, "name"),
                    List.copyOf((List<String>) technique.get("tactics")), Boolean.TRUE.equals(technique.get("subtechnique")),
                    text(technique, "url")));
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        for (String file : GROUPS) {
            Map<String, Object> profile = (Map<String, Object>) read(file);
            Map<String, Object> group = (Map<String, Object>) profile.get("group");
            List<Use> uses = ((List<Map<String, Object>>) profile.get("uses")).stream()
                    .map(use -> new Use(text(use, "type"), text(use, "id"), text(use, "name"), text(use, "how")))
                    .toList();
            groups.put(text(group, "id"), new Group(text(group, "id"), text(group, "name"),
                    List.copyOf((List<String>) group.get("aliases")), text(group, "description"), uses));
        }
        return new AttackCatalogue(text(catalogue, "source"), tactics, Map.copyOf(techniques), groups);
    }

    private static Object read(String file) {
        try (InputStream in = AttackCatalogue.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new IllegalStateException("the ATT&CK resource " + file + " is missing from the build");
            }
            return new Load(LoadSettings.builder().setCodePointLimit(16 * 1024 * 1024).build()).loadFromInputStream(in);
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot read the ATT&CK resource " + file, failed);
        }
    }

    private static String text(Map<String, Object> node, String field) {
        Object value = node.get(field);
        return value == null ? "" : value.toString();
    }
}
