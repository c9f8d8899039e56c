package org.rebound.intel;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Checks a STIX 2.1 bundle: each object against OASIS's JSON schema for its type (shipped in the jar
 * under {@code stix2.1/schemas}, BSD licence beside them), and against rules of the specification that a
 * schema cannot express: every pattern parses, ids start with their object's type, {@code modified}
 * is not before {@code created}, and no version of an object (its id and {@code modified}) appears twice.
 */
public final class StixValidator {

    /** One problem, at a JSON pointer such as {@code /objects/3/pattern}. */
    public record Problem(String path, String message) {
        @Override
        public String toString() {
            return path + ": " + message;
        }
    }

    private static final String SCHEMA_BASE = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";
    private static final String RESOURCES = "stix2.1/schemas/";
    private static final Pattern IDENTIFIER = Pattern.compile(
            "^[a-z][a-z0-9-]+[a-z0-9]--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$");

    private final SchemaRegistry registry;
    private final Map<String, Schema> schemasByType = new ConcurrentHashMap<>();

    private StixValidator(SchemaRegistry registry) {
        this.registry = registry;
    }

    public static StixValidator load() {
        return new StixValidator(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaIdResolvers(resolvers -> resolvers.mapPrefix(SCHEMA_BASE, "classpath:" + RESOURCES))));
    }

    /**
     * Every problem found, each at a JSON pointer into the bundle ({@code /objects/3/pattern}); empty
     * for a valid bundle. Each object is checked against the schema of its own type, so a problem is
     * reported once and plainly rather than as a failed choice among every type the bundle schema lists.
     */
    public List<Problem> validate(JsonNode bundle) {
        List<Problem> problems = new ArrayList<>();
        if (!bundle.isObject() || !"bundle".equals(bundle.path("type").asString(""))) {
            problems.add(new Problem("/", "not a STIX bundle: a JSON object with \"type\": \"bundle\" is expected"));
            return problems;
        }
        if (!IDENTIFIER.matcher(bundle.path("id").asString("")).matches() || !bundle.path("id").asString("").startsWith("bundle--")) {
            problems.add(new Problem("/id", "a bundle id such as bundle--5d0092c5-5f74-4287-9642-33f4c354e56d is required"));
        }
        JsonNode objects = bundle.path("objects");
        if (!objects.isArray() || objects.isEmpty()) {
            problems.add(new Problem("/objects", "a bundle holds an array of at least one object"));
            return problems;
        }
        Set<String> versions = new HashSet<>();
        for (int i = 0; i < objects.size(); i++) {
            JsonNode object = objects.get(i);
            String path = "/objects/" + i;
            if (!object.isObject() || object.path("type").asString("").isEmpty()) {
                problems.add(new Problem(path, "an object with a \"type\" is expected"));
                continue;
            }
            for (Error error : schemaFor(object).validate(object)) {
                problems.add(new Problem(path + error.getInstanceLocation(), error.getMessage()));
            }
            String id = object.path("id").asString("");
            if (!id.isEmpty() && !versions.add(id + " " + object.path("modified").asString(""))) {
                problems.add(new Problem(path + "/id", "'" + id + "' appears twice in the bundle with the same modified time"));
            }
            specificationRules(object, path, problems);
        }
        return problems;
    }

    /** The schema of the object's type; custom objects are held to the common properties of objects or observables. */
    private Schema schemaFor(JsonNode object) {
        String type = object.get("type").asString();
        String file = SCHEMA_FILES.get(type);
        if (file == null) {
            file = object.has("created") ? "common/core.json" : "common/cyber-observable-core.json";
        }
        return schemasByType.computeIfAbsent(file, name -> registry.getSchema(SchemaLocation.of(SCHEMA_BASE + name)));
    }

    private static final Map<String, List<String>> TYPES = Map.of(
            "sdos", List.of("attack-pattern", "campaign", "course-of-action", "grouping", "identity", "incident", "indicator",
                    "infrastructure", "intrusion-set", "location", "malware", "malware-analysis", "note", "observed-data", "opinion",
                    "report", "threat-actor", "tool", "vulnerability"),
            "sros", List.of("relationship", "sighting"),
            "observables", List.of("artifact", "autonomous-system", "directory", "domain-name", "email-addr", "email-message", "file",
                    "ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic", "process", "software", "url", "user-account",
                    "windows-registry-key", "x509-certificate"));

    private static final Map<String, String> SCHEMA_FILES = schemaFiles();

    private static Map<String, String> schemaFiles() {
        Map<String, String> files = new HashMap<>();
        for (String folder : List.of("sdos", "sros", "observables")) {
            for (String type : TYPES.get(folder)) {
                files.put(type, folder + "/" + type + ".json");
            }
        }
        files.put("marking-definition", "common/marking-definition.json");
        files.put("language-content", "common/language-content.json");
        files.put("extension-definition", "common/extension-definition.json");
        return Map.copyOf(files);
    }

    private static void specificationRules(JsonNode object, String path, List<Problem> problems) {
        String type = object.path("type").asString("");
        String id = object.path("id").asString("");
        if (!type.isEmpty() && !id.isEmpty() && !id.startsWith(type + "--")) {
            problems.add(new Problem(path + "/id", "'" + id + "' must start with its type, '" + type + "--'"));
        }
        if (object.has("created") && object.has("modified")) {
            try {
                if (Instant.parse(object.get("modified").asString()).isBefore(Instant.parse(object.get("created").asString()))) {
                    problems.add(new Problem(path + "/modified", "is before created"));
                }
            } catch (DateTimeParseException malformed) {
                // the schema reports malformed timestamps
            }
        }
        if (type.equals("indicator") && object.path("pattern_type").asString("").equals("stix") && object.has("pattern")) {
            for (String error : StixPatterns.syntaxErrors(object.get("pattern").asString(""))) {
                problems.add(new Problem(path + "/pattern", "not a valid STIX pattern: " + error));
            }
        }
    }
}
