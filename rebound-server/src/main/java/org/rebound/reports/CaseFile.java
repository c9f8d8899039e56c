package org.rebound.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.rebound.audit.AuditLog;
import org.rebound.incident.application.Caller;
import org.rebound.incident.application.IncidentEvidence;
import org.rebound.incident.application.IncidentOutcome;
import org.rebound.incident.application.Incidents;
import org.rebound.intel.StixExport;
import org.rebound.intel.IntelSharing;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case file for law enforcement or a regulator: one zip with the incident, its timeline, its
 * observables, the evidence manifest with hashes and the chain of custody of every item, the STIX
 * bundle, optionally the evidence files themselves, and {@code SHA256SUMS} over all of it. The hash of
 * {@code SHA256SUMS} goes into the tamper-evident audit log, so the package can later be shown to be
 * the one Rebound produced.
 */
public final class CaseFile {

    /** A prepared case file: its entries, and the SHA-256 of its {@code SHA256SUMS}, which identifies it. */
    public record Prepared(long incident, List<Entry> entries, String sumsSha256) {

        /** Writes the zip; evidence files are streamed from the locker. */
        public void writeTo(OutputStream out) throws IOException {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Entry entry : entries) {
                    zip.putNextEntry(new ZipEntry(entry.name()));
                    if (entry.file() != null) {
                        Files.copy(entry.file(), zip);
                    } else {
                        zip.write(entry.content());
                    }
                    zip.closeEntry();
                }
            }
        }
    }

    /** A file of the case file: its content, or the evidence file to stream, and its SHA-256. */
    public record Entry(String name, byte[] content, @Nullable Path file, String sha256) {
    }

    private final Incidents incidents;
    private final IncidentEvidence evidence;
    private final IntelSharing stix;
    private final JsonMapper json;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public CaseFile(Incidents incidents, IncidentEvidence evidence, IntelSharing stix, JsonMapper json, AuditLog audit,
                    TransactionTemplate transactions, Clock clock) {
        this.incidents = incidents;
        this.evidence = evidence;
        this.stix = stix;
        this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Assembles the case file for a member who may read the incident, and audits that it was produced. */
    public IncidentOutcome<Prepared> prepare(long incident, boolean withEvidenceFiles, Caller caller) {
        IncidentOutcome<Incidents.Detail> detail = incidents.detail(incident, caller);
        IncidentOutcome<List<Incidents.TimelineItem>> timeline = incidents.timeline(incident, caller);
        IncidentOutcome<List<Incidents.ObservableItem>> observables = incidents.observables(incident, caller);
        IncidentOutcome<List<IncidentEvidence.Item>> items = evidence.list(incident, caller);
        IncidentOutcome<StixExport.Result> bundle = stix.export(incident, caller);
        if (!(detail instanceof IncidentOutcome.Done<Incidents.Detail> incidentDone)
                || !(timeline instanceof IncidentOutcome.Done<List<Incidents.TimelineItem>> timelineDone)
                || !(observables instanceof IncidentOutcome.Done<List<Incidents.ObservableItem>> observablesDone)
                || !(items instanceof IncidentOutcome.Done<List<IncidentEvidence.Item>> itemsDone)
                || !(bundle instanceof IncidentOutcome.Done<StixExport.Result> bundleDone)) {
            IncidentOutcome<?> refused = List.of(detail, timeline, observables, items, bundle).stream()
                    .filter(outcome -> !(outcome instanceof IncidentOutcome.Done<?>)).findFirst().orElseThrow();
            return refused instanceof IncidentOutcome.NotFound<?> ? new IncidentOutcome.NotFound<>(incident)
                    : new IncidentOutcome.Forbidden<>("you are not a member of this incident");
        }
        Instant now = clock.instant();
        List<Entry> entries = new ArrayList<>();
        entries.add(text("README.txt", readme(incidentDone.value(), now, caller)));
        entries.add(text("incident.json", json.writeValueAsString(incidentDone.value())));
        entries.add(text("timeline.json", json.writeValueAsString(timelineDone.value())));
        entries.add(text("timeline.csv", csv(new String[] {"occurred_at", "kind", "summary", "source", "technique", "recorded_at",
                "recorded_by", "origin"}, timelineDone.value().stream().map(item -> new Object[] {item.occurredAt(), item.kind().id(),
                item.summary(), item.source(), item.technique() == null ? "" : item.technique(), item.recordedAt(), item.recordedBy(),
                item.origin()}).toList())));
        entries.add(text("observables.csv", csv(new String[] {"type", "value", "defanged", "ioc", "sighted", "tlp", "tags", "first_seen",
                "last_seen"}, observablesDone.value().stream().map(item -> new Object[] {item.observable().observable().type().id(),
                item.observable().observable().value(), item.defanged(), item.observable().ioc(), item.observable().sighted(),
                item.observable().tlp().label(), String.join(" ", item.observable().tags()), item.observable().firstSeen(),
                item.observable().lastSeen()}).toList())));
        entries.add(text("evidence-manifest.csv", csv(new String[] {"id", "name", "sha256", "size_bytes", "held_by_rebound",
                "storage_location", "source", "collector", "collected_at", "recorded_by", "recorded_at"},
                itemsDone.value().stream().map(item -> item.evidence()).map(e -> new Object[] {e.id(), e.name(),
                        e.sha256() == null ? "" : e.sha256(), e.sizeBytes() == null ? "" : e.sizeBytes(), e.stored(), e.storageLocation(),
                        e.source(), e.collector(), e.collectedAt(), e.recordedBy(), e.recordedAt()}).toList())));
        entries.add(text("custody.csv", csv(new String[] {"evidence_id", "evidence_name", "at", "released_by", "received_by", "purpose",
                "recorded_by", "recorded_at"}, itemsDone.value().stream().flatMap(item -> item.custody().stream()
                .map(entry -> new Object[] {item.evidence().id(), item.evidence().name(), entry.at(), entry.releasedBy(),
                        entry.receivedBy(), entry.purpose(), entry.recordedBy(), entry.recordedAt()})).toList())));
        entries.add(text("stix-bundle.json", json.writeValueAsString(bundleDone.value().bundle())));
        if (withEvidenceFiles) {
            for (IncidentEvidence.Item item : itemsDone.value()) {
                if (item.evidence().stored()) {
                    IncidentOutcome<IncidentEvidence.StoredFile> file = evidence.file(incident, item.evidence().id(), caller);
                    if (file instanceof IncidentOutcome.Done<IncidentEvidence.StoredFile> stored) {
                        entries.add(new Entry("evidence/" + item.evidence().id() + "-" + safe(item.evidence().name()), new byte[0],
                                stored.value().path(), item.evidence().sha256()));
                    }
                }
            }
        }
        StringBuilder sums = new StringBuilder();
        entries.forEach(entry -> sums.append(entry.sha256()).append("  ").append(entry.name()).append('\n'));
        Entry sumsEntry = text("SHA256SUMS", sums.toString());
        entries.add(sumsEntry);
        transactions.executeWithoutResult(status -> audit.record(now, caller.username(), "incident.case-file", "incident/" + incident,
                "case file with " + (entries.size() - 1) + " files" + (withEvidenceFiles ? " including evidence" : "")
                        + "; SHA256SUMS " + sumsEntry.sha256()));
        return new IncidentOutcome.Done<>(new Prepared(incident, List.copyOf(entries), sumsEntry.sha256()));
    }

    private static String readme(Incidents.Detail detail, Instant now, Caller caller) {
        return "Case file of incident " + detail.incident().id() + ": " + detail.incident().title() + "\n"
                + "Produced by Rebound at " + now + " for " + caller.username() + "; marking " + detail.incident().tlp().label() + ".\n\n"
                + "incident.json          the incident, its members and the ATT&CK techniques noted\n"
                + "timeline.csv / .json   everything that happened, in order (responders' entries and system state changes)\n"
                + "observables.csv        indicators and observables, live and defanged\n"
                + "evidence-manifest.csv  every evidence item with its SHA-256\n"
                + "custody.csv            every hand-over of every item\n"
                + "stix-bundle.json       the same as a STIX 2.1 bundle\n"
                + "evidence/              the evidence files Rebound holds, when asked for\n\n"
                + "Check the files with: sha256sum -c SHA256SUMS\n"
                + "The SHA-256 of SHA256SUMS is recorded in Rebound's tamper-evident audit log (action incident.case-file).\n";
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String csv(String[] header, List<Object[]> rows) {
        StringBuilder text = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180.builder().setHeader(header).get())) {
            for (Object[] row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException("writing CSV to memory failed", impossible);
        }
        return text.toString();
    }

    private static Entry text(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new Entry(name, bytes, null, sha256(bytes));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
