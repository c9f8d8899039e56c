package org.rebound.intel;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rebound.incident.AttackCatalogue;
import org.rebound.incident.Observable;
import org.rebound.incident.ObservableParser;
import org.rebound.incident.ObservableType;
import org.rebound.incident.Tlp;
import org.rebound.incident.persistence.IncidentStore.StoredIncident;
import org.rebound.incident.persistence.ObservableStore.StoredObservable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * MISP event JSON, as MISP exports and imports it ({@code {"Event": {...}}}): an incident's observables
 * as attributes (IDS flag for IOCs, a {@code tlp:} tag each), its TLP and its ATT&CK techniques as event
 * tags ({@code misp-galaxy:mitre-attack-pattern="Name - T1566.004"}); and the attributes of an event read
 * back as observables. Composite attributes ({@code filename|sha256}, {@code domain|ip}) give both values.
 */
public final class MispEvents {

    /** An observable read from an event, with its IDS flag and marking. */
    public record Found(Observable observable, boolean ioc, @Nullable Tlp tlp) {
    }

    /** What an event held: observables (each once), attributes skipped and why, or the problems that refuse it. */
    public record Result(List<Found> found, List<String> skipped, List<String> problems) {
    }

    private static final Map<ObservableType, String> EXPORT_TYPES = Map.ofEntries(
            Map.entry(ObservableType.DOMAIN, "domain"),
            Map.entry(ObservableType.IPV4, "ip-dst"),
            Map.entry(ObservableType.IPV6, "ip-dst"),
            Map.entry(ObservableType.URL, "url"),
            Map.entry(ObservableType.EMAIL, "email-src"),
            Map.entry(ObservableType.MD5, "md5"),
            Map.entry(ObservableType.SHA1, "sha1"),
            Map.entry(ObservableType.SHA256, "sha256"),
            Map.entry(ObservableType.FILE_NAME, "filename"),
            Map.entry(ObservableType.REGISTRY_KEY, "regkey"),
            Map.entry(ObservableType.USER_AGENT, "user-agent"),
            Map.entry(ObservableType.ACCOUNT, "target-user"),
            Map.entry(ObservableType.PHONE_NUMBER, "phone-number"));
    private static final Map<String, ObservableType> IMPORT_TYPES = Map.ofEntries(
            Map.entry("domain", ObservableType.DOMAIN),
            Map.entry("hostname", ObservableType.DOMAIN),
            Map.entry("ip-src", ObservableType.IPV4),
            Map.entry("ip-dst", ObservableType.IPV4),
            Map.entry("url", ObservableType.URL),
            Map.entry("uri", ObservableType.URL),
            Map.entry("link", ObservableType.URL),
            Map.entry("email", ObservableType.EMAIL),
            Map.entry("email-src", ObservableType.EMAIL),
            Map.entry("email-dst", ObservableType.EMAIL),
            Map.entry("md5", ObservableType.MD5),
            Map.entry("sha1", ObservableType.SHA1),
            Map.entry("sha256", ObservableType.SHA256),
            Map.entry("filename", ObservableType.FILE_NAME),
            Map.entry("regkey", ObservableType.REGISTRY_KEY),
            Map.entry("user-agent", ObservableType.USER_AGENT),
            Map.entry("target-user", ObservableType.ACCOUNT),
            Map.entry("phone-number", ObservableType.PHONE_NUMBER),
            Map.entry("btc", ObservableType.CRYPTOCURRENCY_WALLET),
            Map.entry("xmr", ObservableType.CRYPTOCURRENCY_WALLET),
            Map.entry("dash", ObservableType.CRYPTOCURRENCY_WALLET));

    private final JsonMapper json = JsonMapper.builder().build();
    private final AttackCatalogue attack;

    public MispEvents(AttackCatalogue attack) {
        this.attack = attack;
    }

    /** The incident as a MISP event: distribution "your organisation only", analysis "ongoing". */
    public ObjectNode export(StoredIncident incident, List<StoredObservable> observables, List<String> techniques,
                             List<AttackCatalogue.Software> software, String organisation) {
        ObjectNode root = json.createObjectNode();
        ObjectNode event = root.putObject("Event");
        event.put("uuid", StixExport.uuid5(UUID.fromString("6c1a3f8e-5b0e-4c55-9a55-1f5c0a2b7d41"), "misp/" + incident.id()).toString());
        event.put("info", incident.title());
        event.put("date", incident.createdAt().atZone(ZoneOffset.UTC).toLocalDate().toString());
        event.put("threat_level_id", switch (incident.severity()) {
            case CRITICAL, HIGH -> "1";
            case MEDIUM -> "2";
            case LOW -> "3";
        });
        event.put("analysis", "1");
        event.put("distribution", "0");
        event.put("published", false);
        event.put("timestamp", String.valueOf(incident.createdAt().getEpochSecond()));
        event.putObject("Orgc").put("name", organisation);
        ArrayNode tags = event.putArray("Tag");
        tags.addObject().put("name", tag(incident.tlp()));
        for (String techniqueId : techniques) {
            attack.technique(techniqueId).ifPresent(technique ->
                    tags.addObject().put("name", "misp-galaxy:mitre-attack-pattern=\"" + technique.name() + " - " + technique.id() + "\""));
        }
        for (AttackCatalogue.Software found : software) {
            tags.addObject().put("name", "misp-galaxy:mitre-" + (found.malware() ? "malware" : "tool") + "=\"" + found.name() + " - "
                    + found.id() + "\"");
        }
        ArrayNode attributes = event.putArray("Attribute");
        for (StoredObservable stored : observables) {
            ObjectNode attribute = attributes.addObject();
            attribute.put("uuid", StixExport.uuid5(UUID.fromString("6c1a3f8e-5b0e-4c55-9a55-1f5c0a2b7d41"),
                    "misp/" + incident.id() + "/" + stored.id()).toString());
            attribute.put("type", stored.observable().type() == ObservableType.CRYPTOCURRENCY_WALLET
                    ? walletType(stored.observable().value()) : EXPORT_TYPES.get(stored.observable().type()));
            attribute.put("category", category(stored.observable().type()));
            attribute.put("value", stored.observable().value());
            attribute.put("to_ids", stored.ioc());
            attribute.put("timestamp", String.valueOf(stored.lastSeen().getEpochSecond()));
            attribute.put("first_seen", stored.firstSeen().toString());
            attribute.put("last_seen", stored.lastSeen().toString());
            attribute.put("comment", stored.sighted() ? "sighted in our estate" : "");
            ArrayNode attributeTags = attribute.putArray("Tag");
            attributeTags.addObject().put("name", tag(stored.tlp()));
            stored.tags().forEach(name -> attributeTags.addObject().put("name", name));
        }
        return root;
    }

    /** The observables of a MISP event, as exported by MISP or by Rebound. */
    public Result read(JsonNode document) {
        List<String> problems = new ArrayList<>();
        JsonNode event = document.has("Event") ? document.get("Event")
                : document.path("response").isArray() && document.get("response").size() == 1 ? document.get("response").get(0).path("Event")
                : document;
        if (!event.isObject() || !event.has("info")) {
            return new Result(List.of(), List.of(), List.of("/: not a MISP event: {\"Event\": {\"info\": ..., \"Attribute\": [...]}} is expected"));
        }
        JsonNode attributes = event.path("Attribute");
        if (!attributes.isMissingNode() && !attributes.isArray()) {
            problems.add("/Event/Attribute: an array of attributes is expected");
        }
        Tlp eventTlp = tlp(event.path("Tag"));
        Map<Observable, Found> found = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        List<JsonNode> all = new ArrayList<>();
        attributes.forEach(all::add);
        event.path("Object").forEach(object -> object.path("Attribute").forEach(all::add));
        for (int i = 0; i < all.size(); i++) {
            JsonNode attribute = all.get(i);
            String where = "/Event/Attribute/" + i;
            String type = attribute.path("type").asString("");
            if (type.isEmpty() || !attribute.has("value")) {
                problems.add(where + ": an attribute needs a type and a value");
                continue;
            }
            String[] types = type.split("\\|");
            String[] values = attribute.get("value").asString("").split("\\|", types.length);
            if (values.length != types.length) {
                problems.add(where + ": a " + type + " value has " + types.length + " parts separated by |");
                continue;
            }
            Tlp attributeTlp = tlp(attribute.path("Tag"));
            boolean ioc = attribute.path("to_ids").asBoolean(false);
            for (int part = 0; part < types.length; part++) {
                ObservableType observableType = IMPORT_TYPES.get(types[part].toLowerCase(Locale.ROOT));
                if (observableType == null) {
                    if (!types[part].equals("port")) {
                        skipped.add(where + ": " + types[part] + " '" + values[part] + "' has no observable type in Rebound");
                    }
                    continue;
                }
                ObservableType effective = observableType == ObservableType.IPV4 && values[part].contains(":") ? ObservableType.IPV6 : observableType;
                ObservableParser.ReadOutcome read = ObservableParser.read(effective, values[part]);
                if (read.observable() == null) {
                    skipped.add(where + ": " + types[part] + " '" + values[part] + "': " + read.problem());
                    continue;
                }
                Found earlier = found.get(read.observable());
                if (earlier == null || ioc && !earlier.ioc()) {
                    found.put(read.observable(), new Found(read.observable(), ioc, attributeTlp != null ? attributeTlp : eventTlp));
                }
            }
        }
        return new Result(problems.isEmpty() ? List.copyOf(found.values()) : List.of(), skipped, problems);
    }

    /** MISP has attribute types for Bitcoin and Monero addresses; other wallets go as text. */
    private static String walletType(String address) {
        if (address.startsWith("1") || address.startsWith("3") || address.toLowerCase(Locale.ROOT).startsWith("bc1")) {
            return "btc";
        }
        return address.length() == 95 ? "xmr" : "text";
    }

    private static String tag(Tlp tlp) {
        return "tlp:" + tlp.id().replace("amber-strict", "amber+strict");
    }

    private static @Nullable Tlp tlp(JsonNode tags) {
        Tlp strictest = null;
        for (JsonNode tag : tags) {
            String name = tag.path("name").asString("").toLowerCase(Locale.ROOT);
            if (name.startsWith("tlp:")) {
                String level = name.substring(4).replace("+", "-").replace("white", "clear");
                for (Tlp tlp : Tlp.values()) {
                    if (tlp.id().equals(level) && (strictest == null || tlp.compareTo(strictest) > 0)) {
                        strictest = tlp;
                    }
                }
            }
        }
        return strictest;
    }

    private static String category(ObservableType type) {
        return switch (type) {
            case DOMAIN, IPV4, IPV6, URL, USER_AGENT -> "Network activity";
            case EMAIL -> "Payload delivery";
            case MD5, SHA1, SHA256, FILE_NAME -> "Payload delivery";
            case REGISTRY_KEY -> "Persistence mechanism";
            case ACCOUNT -> "Targeting data";
            case PHONE_NUMBER -> "Other";
            case CRYPTOCURRENCY_WALLET -> "Financial fraud";
        };
    }
}
