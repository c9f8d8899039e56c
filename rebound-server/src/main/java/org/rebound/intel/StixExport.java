package org.rebound.intel;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rebound.incident.AttackCatalogue;
import org.rebound.incident.Observable;
import org.rebound.incident.Tlp;
import org.rebound.incident.persistence.IncidentStore.StoredIncident;
import org.rebound.incident.persistence.ObservableStore.StoredObservable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An incident as a STIX 2.1 bundle for sharing: the reporting organisation (identity), the incident as
 * a report of everything shared about it (STIX 2.1's incident object is a stub, and the official
 * bundle schema accepts neither it nor a grouping), the TLP marking definitions used, an indicator with a STIX pattern for each
 * IOC, observed data and a sighting for each sighted one, an attack pattern for each ATT&CK technique
 * noted, malware and tools found, and relationships tying them to the incident. Every object carries the TLP marking of what it came from. Ids are
 * derived from the content (UUIDv5), so exporting the same incident twice gives the same ids, and
 * cyber-observable ids follow the specification's deterministic scheme.
 *
 * <p>Observables STIX has no cyber-observable type for (phone numbers, cryptocurrency wallets) are left
 * out and counted in {@link Result#omitted()}.
 */
public final class StixExport {

    /** The bundle and how many observables had no STIX form. */
    public record Result(ObjectNode bundle, int omitted) {
    }

    /** The incident's facts that go into the bundle. */
    public record Facts(StoredIncident incident, String organisation, List<StoredObservable> observables, List<String> techniques,
                        List<AttackCatalogue.Software> software, Instant publishedAt) {
    }

    private static final UUID SCO_NAMESPACE = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");
    private static final UUID REBOUND_NAMESPACE = UUID.fromString("6c1a3f8e-5b0e-4c55-9a55-1f5c0a2b7d41");
    /** STIX timestamps carry milliseconds always: ISO_INSTANT would drop a fraction of .000, which the schemas refuse. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);
    /** The TLP marking definitions predefined by STIX 2.1 (section 7.2.1.4); TLP 2.0's CLEAR is TLP 1.0's WHITE. */
    private static final Map<Tlp, String[]> TLP_MARKINGS = Map.of(
            Tlp.CLEAR, new String[] {"marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", "white"},
            Tlp.GREEN, new String[] {"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", "green"},
            Tlp.AMBER, new String[] {"marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", "amber"},
            Tlp.AMBER_STRICT, new String[] {"marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", "amber"},
            Tlp.RED, new String[] {"marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", "red"});

    private final JsonMapper json = JsonMapper.builder().build();
    private final AttackCatalogue attack;

    public StixExport(AttackCatalogue attack) {
        this.attack = attack;
    }

    public Result export(Facts facts) {
        StoredIncident incident = facts.incident();
        String created = timestamp(incident.createdAt());
        ObjectNode bundle = json.createObjectNode();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + UUID.randomUUID());
        ArrayNode objects = bundle.putArray("objects");

        String identity = "identity--" + uuid5(REBOUND_NAMESPACE, "identity/" + facts.organisation());
        ObjectNode organisation = sdo(objects, "identity", identity, created, identity);
        organisation.put("name", facts.organisation());
        organisation.put("identity_class", "organization");
        organisation.putArray("sectors").add("manufacturing");

        Set<Tlp> used = new TreeSet<>();
        String incidentId = "report--" + uuid5(REBOUND_NAMESPACE, "incident/" + incident.id());
        ObjectNode report = sdo(objects, "report", incidentId, created, identity);
        report.put("name", incident.title());
        if (!incident.summary().isEmpty()) {
            report.put("description", incident.summary());
        }
        report.putArray("report_types").add("threat-report");
        report.put("published", timestamp(facts.publishedAt()));
        ArrayNode grouped = report.putArray("object_refs");
        mark(report, incident.tlp(), used);

        for (String techniqueId : facts.techniques()) {
            Optional<AttackCatalogue.Technique> technique = attack.technique(techniqueId);
            if (technique.isEmpty()) {
                continue;
            }
            String id = "attack-pattern--" + uuid5(REBOUND_NAMESPACE, "attack-pattern/" + technique.get().id());
            ObjectNode pattern = sdo(objects, "attack-pattern", id, created, identity);
            pattern.put("name", technique.get().name());
            ObjectNode reference = pattern.putArray("external_references").addObject();
            reference.put("source_name", "mitre-attack");
            reference.put("external_id", technique.get().id());
            reference.put("url", technique.get().url());
            ArrayNode phases = pattern.putArray("kill_chain_phases");
            technique.get().tactics().forEach(tactic -> phases.addObject().put("kill_chain_name", "mitre-attack").put("phase_name", tactic));
            mark(pattern, incident.tlp(), used);
            relate(objects, id, "related-to", incidentId, created, identity, incident.tlp(), used);
        }

        for (AttackCatalogue.Software found : facts.software()) {
            String type = found.malware() ? "malware" : "tool";
            String id = type + "--" + uuid5(REBOUND_NAMESPACE, "software/" + found.id());
            ObjectNode software = sdo(objects, type, id, created, identity);
            software.put("name", found.name());
            if (found.malware()) {
                software.put("is_family", true);
            }
            ObjectNode reference = software.putArray("external_references").addObject();
            reference.put("source_name", "mitre-attack");
            reference.put("external_id", found.id());
            reference.put("url", found.url());
            mark(software, incident.tlp(), used);
            relate(objects, id, "related-to", incidentId, created, identity, incident.tlp(), used);
        }

        int omitted = 0;
        for (StoredObservable stored : facts.observables()) {
            Optional<CyberObservable> sco = CyberObservable.of(stored.observable());
            if (sco.isEmpty()) {
                omitted++;
                continue;
            }
            String seen = timestamp(stored.firstSeen());
            String indicatorId = null;
            if (stored.ioc()) {
                indicatorId = "indicator--" + uuid5(REBOUND_NAMESPACE, "indicator/" + incident.id() + "/" + stored.id());
                ObjectNode indicator = sdo(objects, "indicator", indicatorId, timestamp(stored.createdAt()), identity);
                indicator.put("name", stored.observable().type().id() + " " + stored.observable().defanged());
                indicator.put("pattern", sco.get().pattern());
                indicator.put("pattern_type", "stix");
                indicator.put("valid_from", seen);
                indicator.putArray("indicator_types").add("malicious-activity");
                if (!stored.tags().isEmpty()) {
                    ArrayNode labels = indicator.putArray("labels");
                    stored.tags().forEach(labels::add);
                }
                mark(indicator, stored.tlp(), used);
                relate(objects, indicatorId, "related-to", incidentId, timestamp(stored.createdAt()), identity, stored.tlp(), used);
            }
            if (stored.sighted() && sco.get().type() != null) {
                ObjectNode observableObject = objects.addObject();
                String scoId = sco.get().type() + "--" + uuid5(SCO_NAMESPACE, sco.get().idContribution());
                observableObject.put("type", sco.get().type());
                observableObject.put("spec_version", "2.1");
                observableObject.put("id", scoId);
                sco.get().writeInto(observableObject);
                mark(observableObject, stored.tlp(), used);
                String observedId = "observed-data--" + uuid5(REBOUND_NAMESPACE, "observed-data/" + incident.id() + "/" + stored.id());
                ObjectNode observed = sdo(objects, "observed-data", observedId, timestamp(stored.createdAt()), identity);
                observed.put("first_observed", seen);
                observed.put("last_observed", timestamp(stored.lastSeen()));
                observed.put("number_observed", 1);
                observed.putArray("object_refs").add(scoId);
                mark(observed, stored.tlp(), used);
                if (indicatorId != null) {
                    String sightingId = "sighting--" + uuid5(REBOUND_NAMESPACE, "sighting/" + incident.id() + "/" + stored.id());
                    ObjectNode sighting = sdo(objects, "sighting", sightingId, timestamp(stored.createdAt()), identity);
                    sighting.put("first_seen", seen);
                    sighting.put("last_seen", timestamp(stored.lastSeen()));
                    sighting.put("sighting_of_ref", indicatorId);
                    sighting.putArray("observed_data_refs").add(observedId);
                    sighting.putArray("where_sighted_refs").add(identity);
                    mark(sighting, stored.tlp(), used);
                }
            }
        }
        objects.forEach(object -> {
            String type = object.get("type").asString();
            if (!type.equals("identity") && !type.equals("report")) {
                grouped.add(object.get("id").asString());
            }
        });
        if (grouped.isEmpty()) {
            grouped.add(identity);
        }
        Set<String> defined = new HashSet<>();
        for (Tlp tlp : used) {
            String[] marking = TLP_MARKINGS.get(tlp);
            if (defined.add(marking[0])) {
                ObjectNode definition = objects.addObject();
                definition.put("type", "marking-definition");
                definition.put("spec_version", "2.1");
                definition.put("id", marking[0]);
                definition.put("created", "2017-01-20T00:00:00.000Z");
                definition.put("definition_type", "tlp");
                definition.put("name", "TLP:" + marking[1].toUpperCase(Locale.ROOT));
                definition.putObject("definition").put("tlp", marking[1]);
            }
        }
        return new Result(bundle, omitted);
    }

    private ObjectNode sdo(ArrayNode objects, String type, String id, String created, String createdBy) {
        ObjectNode object = objects.addObject();
        object.put("type", type);
        object.put("spec_version", "2.1");
        object.put("id", id);
        if (!type.equals("identity")) {
            object.put("created_by_ref", createdBy);
        }
        object.put("created", created);
        object.put("modified", created);
        return object;
    }

    private void relate(ArrayNode objects, String source, String type, String target, String created, String createdBy, Tlp tlp,
                        Set<Tlp> used) {
        String id = "relationship--" + uuid5(REBOUND_NAMESPACE, "relationship/" + source + "/" + type + "/" + target);
        ObjectNode relationship = sdo(objects, "relationship", id, created, createdBy);
        relationship.put("relationship_type", type);
        relationship.put("source_ref", source);
        relationship.put("target_ref", target);
        mark(relationship, tlp, used);
    }

    private static void mark(ObjectNode object, Tlp tlp, Set<Tlp> used) {
        used.add(tlp);
        object.putArray("object_marking_refs").add(TLP_MARKINGS.get(tlp)[0]);
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** A name-based UUID, version 5 (SHA-1), as STIX asks for deterministic identifiers. */
    static UUID uuid5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits()).array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) (hash[6] & 0x0f | 0x50);
            hash[8] = (byte) (hash[8] & 0x3f | 0x80);
            ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-1", impossible);
        }
    }

    /**
     * How an observable is written as a STIX pattern and, when STIX has a cyber-observable object for
     * it on its own, as that object ({@code type} null when it has not, as for a user agent).
     */
    record CyberObservable(String pattern, @Nullable String type, String property, String value, boolean hash) {

        static Optional<CyberObservable> of(Observable observable) {
            String value = observable.value();
            String quoted = "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
            return Optional.ofNullable(switch (observable.type()) {
                case DOMAIN -> object("domain-name", "value", value, quoted);
                case IPV4 -> object("ipv4-addr", "value", value, quoted);
                case IPV6 -> object("ipv6-addr", "value", value, quoted);
                case URL -> object("url", "value", value, quoted);
                case EMAIL -> object("email-addr", "value", value, quoted);
                case FILE_NAME -> object("file", "name", value, quoted);
                case REGISTRY_KEY -> object("windows-registry-key", "key", value, quoted);
                case ACCOUNT -> object("user-account", "account_login", value, quoted);
                case MD5 -> hash("MD5", value, quoted);
                case SHA1 -> hash("SHA-1", value, quoted);
                case SHA256 -> hash("SHA-256", value, quoted);
                case USER_AGENT -> new CyberObservable("[network-traffic:extensions.'http-request-ext'.request_header.'User-Agent' = "
                        + quoted + "]", null, "", value, false);
                case PHONE_NUMBER, CRYPTOCURRENCY_WALLET -> null;
            });
        }

        private static CyberObservable object(String type, String property, String value, String quoted) {
            return new CyberObservable("[" + type + ":" + property + " = " + quoted + "]", type, property, value, false);
        }

        private static CyberObservable hash(String algorithm, String value, String quoted) {
            return new CyberObservable("[file:hashes.'" + algorithm + "' = " + quoted + "]", "file", algorithm, value, true);
        }

        /** The properties that make up the object's deterministic id, as canonical JSON (RFC 8785 for these simple shapes). */
        String idContribution() {
            String escaped = value.replace("\\", "\\\\").replace("\"", "\\\"");
            return hash ? "{\"hashes\":{\"" + property + "\":\"" + escaped + "\"}}" : "{\"" + property + "\":\"" + escaped + "\"}";
        }

        void writeInto(ObjectNode object) {
            if (hash) {
                object.putObject("hashes").put(property, value);
            } else {
                object.put(property, value);
            }
        }
    }
}
