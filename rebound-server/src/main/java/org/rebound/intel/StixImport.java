package org.rebound.intel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rebound.incident.Observable;
import org.rebound.incident.ObservableParser;
import org.rebound.incident.ObservableType;
import org.rebound.incident.Tlp;
import tools.jackson.databind.JsonNode;

/**
 * Reads the observables out of a STIX bundle (2.1, or 2.0 as MITRE's ATT&CK data still is): the values
 * each indicator's pattern tests for equality (indicators of compromise), and the cyber-observable
 * objects it carries (observables). Each keeps the most restrictive TLP marking of the object it came
 * from. A bundle that is not valid is refused whole with every problem; values Rebound has no type for
 * (a CIDR range, a process name) are listed as skipped.
 */
public final class StixImport {

    /** An observable read from the bundle, whether an indicator tested for it, and its marking. */
    public record Found(Observable observable, boolean ioc, @Nullable Tlp tlp, String from) {
    }

    /** What the bundle held: the observables (each once), what was skipped and why, or the problems that refuse it. */
    public record Result(List<Found> found, List<String> skipped, List<String> problems) {
    }

    private static final Map<String, Tlp> TLP_1 = Map.of(
            "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", Tlp.CLEAR,
            "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", Tlp.GREEN,
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", Tlp.AMBER,
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", Tlp.RED);
    private static final Map<String, ObservableType> PATHS = Map.ofEntries(
            Map.entry("domain-name:value", ObservableType.DOMAIN),
            Map.entry("ipv4-addr:value", ObservableType.IPV4),
            Map.entry("ipv6-addr:value", ObservableType.IPV6),
            Map.entry("url:value", ObservableType.URL),
            Map.entry("email-addr:value", ObservableType.EMAIL),
            Map.entry("email-message:from_ref.value", ObservableType.EMAIL),
            Map.entry("file:name", ObservableType.FILE_NAME),
            Map.entry("file:hashes.md5", ObservableType.MD5),
            Map.entry("file:hashes.sha-1", ObservableType.SHA1),
            Map.entry("file:hashes.sha1", ObservableType.SHA1),
            Map.entry("file:hashes.sha-256", ObservableType.SHA256),
            Map.entry("file:hashes.sha256", ObservableType.SHA256),
            Map.entry("windows-registry-key:key", ObservableType.REGISTRY_KEY),
            Map.entry("user-account:account_login", ObservableType.ACCOUNT),
            Map.entry("user-account:user_id", ObservableType.ACCOUNT),
            Map.entry("network-traffic:extensions.http-request-ext.request_header.user-agent", ObservableType.USER_AGENT));

    private final StixValidator validator;

    public StixImport(StixValidator validator) {
        this.validator = validator;
    }

    public Result read(JsonNode bundle) {
        List<String> problems = new ArrayList<>();
        if (!bundle.isObject() || !"bundle".equals(bundle.path("type").asString("")) || !bundle.path("objects").isArray()) {
            return new Result(List.of(), List.of(), List.of("/: not a STIX bundle: a JSON object with \"type\": \"bundle\" and \"objects\""));
        }
        boolean stix20 = "2.0".equals(bundle.path("spec_version").asString(""));
        if (!stix20) {
            validator.validate(bundle).forEach(problem -> problems.add(problem.toString()));
        }
        JsonNode objects = bundle.get("objects");
        Map<Observable, Found> found = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            JsonNode object = objects.get(i);
            String type = object.path("type").asString("");
            String where = "/objects/" + i;
            Tlp tlp = marking(object);
            if (type.equals("indicator")) {
                String pattern = object.path("pattern").asString("");
                if (!object.path("pattern_type").asString("stix").equals("stix")) {
                    skipped.add(where + ": a " + object.path("pattern_type").asString() + " pattern, not STIX");
                    continue;
                }
                if (stix20) {
                    StixPatterns.syntaxErrors(pattern).forEach(error -> problems.add(where + "/pattern: not a valid STIX pattern: " + error));
                }
                if (StixPatterns.syntaxErrors(pattern).isEmpty()) {
                    for (StixPatterns.Equality equality : StixPatterns.equalities(pattern)) {
                        add(found, skipped, equality.path(), equality.value(), true, tlp, where);
                    }
                }
            } else {
                for (Map.Entry<String, ObservableType> path : PATHS.entrySet()) {
                    String[] parts = path.getKey().split(":", 2);
                    if (parts[0].equals(type) && !parts[1].contains(".") && object.has(parts[1])) {
                        add(found, skipped, path.getKey(), object.get(parts[1]).asString(""), false, tlp, where);
                    }
                }
                if (type.equals("file") && object.path("hashes").isObject()) {
                    for (Map.Entry<String, JsonNode> hash : object.get("hashes").properties()) {
                        add(found, skipped, "file:hashes." + hash.getKey(), hash.getValue().asString(""), false, tlp, where);
                    }
                }
            }
        }
        return new Result(problems.isEmpty() ? List.copyOf(found.values()) : List.of(), skipped, problems);
    }

    private static void add(Map<Observable, Found> found, List<String> skipped, String path, String value, boolean ioc,
                            @Nullable Tlp tlp, String where) {
        ObservableType type = PATHS.get(path.toLowerCase(Locale.ROOT));
        if (type == null) {
            skipped.add(where + ": " + path + " = '" + value + "' has no observable type in Rebound");
            return;
        }
        ObservableParser.ReadOutcome read = ObservableParser.read(type, value);
        if (read.observable() == null) {
            skipped.add(where + ": " + path + " = '" + value + "': " + read.problem());
            return;
        }
        Found earlier = found.get(read.observable());
        if (earlier == null || ioc && !earlier.ioc()) {
            found.put(read.observable(), new Found(read.observable(), ioc || earlier != null && earlier.ioc(), tlp, where));
        }
    }

    /** The most restrictive TLP marking on the object, if any. */
    private static @Nullable Tlp marking(JsonNode object) {
        Tlp strictest = null;
        for (JsonNode ref : object.path("object_marking_refs")) {
            Tlp tlp = TLP_1.get(ref.asString(""));
            if (tlp != null && (strictest == null || tlp.compareTo(strictest) > 0)) {
                strictest = tlp;
            }
        }
        return strictest;
    }
}
