package org.rebound.incident.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.rebound.audit.AuditLog;
import org.rebound.incident.TimelineKind;
import org.rebound.incident.application.IncidentOutcome.Done;
import org.rebound.incident.application.IncidentOutcome.Problem;
import org.rebound.incident.application.IncidentOutcome.Rejected;
import org.rebound.incident.persistence.EvidenceFiles;
import org.rebound.incident.persistence.EvidenceStore;
import org.rebound.incident.persistence.EvidenceStore.Custody;
import org.rebound.incident.persistence.EvidenceStore.Evidence;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evidence of an incident: files uploaded into Rebound's evidence locker (hashed as they stream in)
 * or references to evidence kept elsewhere, each with a chain of custody that can only grow.
 */
public final class IncidentEvidence {

    /** What is said about an item when it is recorded; for a reference, its hash if the collector took one. */
    public record Description(@Nullable String name, @Nullable String description, @Nullable String source,
                              @Nullable String collector, @Nullable Instant collectedAt, @Nullable String storageLocation,
                              @Nullable String sha256, @Nullable Long sizeBytes) {
    }

    /** A hand-over: who released the item to whom, when and why. */
    public record Handover(@Nullable String releasedBy, @Nullable String receivedBy, @Nullable Instant at, @Nullable String purpose) {
    }

    /** An item with its chain of custody, oldest hand-over first. */
    public record Item(Evidence evidence, List<Custody> custody) {
    }

    /** A stored file, for download. */
    public record StoredFile(Evidence evidence, Path path) {
    }

    static final String LOCKER = "Rebound evidence locker";

    private final Incidents incidents;
    private final EvidenceStore evidence;
    private final EvidenceFiles files;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public IncidentEvidence(Incidents incidents, EvidenceStore evidence, EvidenceFiles files, AuditLog audit,
                            TransactionTemplate transactions, Clock clock) {
        this.incidents = incidents;
        this.evidence = evidence;
        this.files = files;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    public IncidentOutcome<List<Item>> list(long incident, Caller caller) {
        return guarded(incident, caller, Access::canRead, "you are not a member of this incident", () -> {
            List<Custody> custody = evidence.custody(incident);
            return new Done<>(evidence.of(incident).stream()
                    .map(item -> new Item(item, custody.stream().filter(entry -> entry.evidence() == item.id()).toList()))
                    .toList());
        });
    }

    /**
     * Streams a file into the locker, computing its SHA-256 on the way, and records it. The content is
     * read only once the caller may write to the incident and the description is acceptable.
     */
    public IncidentOutcome<Item> upload(long incident, Description described, InputStream content, Caller caller) {
        return guarded(incident, caller, Access::canWrite, "this incident is read-only for you", () -> {
            List<Problem> problems = problems(described, false);
            if (!problems.isEmpty()) {
                return new Rejected<>(problems);
            }
            EvidenceFiles.Kept kept;
            try {
                kept = files.keep(content);
            } catch (IOException failed) {
                throw new UncheckedIOException("could not store the upload in " + files.directory(), failed);
            }
            return record(incident, described, kept.sha256(), kept.sizeBytes(), true, LOCKER, caller);
        });
    }

    /** Records evidence kept elsewhere (a forensic lab's safe, a disk image on a share) by reference. */
    public IncidentOutcome<Item> reference(long incident, Description described, Caller caller) {
        return guarded(incident, caller, Access::canWrite, "this incident is read-only for you", () -> {
            List<Problem> problems = problems(described, true);
            if (!problems.isEmpty()) {
                return new Rejected<>(problems);
            }
            String hash = described.sha256() == null || described.sha256().isBlank() ? null : described.sha256().strip().toLowerCase(Locale.ROOT);
            return record(incident, described, hash, described.sizeBytes(), false, described.storageLocation().strip(), caller);
        });
    }

    public IncidentOutcome<Custody> handOver(long incident, long item, Handover handover, Caller caller) {
        return guarded(incident, caller, Access::canWrite, "this incident is read-only for you", () -> {
            Optional<Evidence> found = evidence.find(incident, item);
            if (found.isEmpty()) {
                return Rejected.of("evidence", "incident " + incident + " has no evidence item " + item);
            }
            List<Problem> problems = new ArrayList<>();
            String released = required(handover.releasedBy(), "released_by", 100, problems);
            String received = required(handover.receivedBy(), "received_by", 100, problems);
            String purpose = required(handover.purpose(), "purpose", 1000, problems);
            Instant now = clock.instant();
            Instant at = handover.at() == null ? now : handover.at();
            if (at.isAfter(now.plusSeconds(60))) {
                problems.add(new Problem("at", "cannot be in the future (" + at + ")"));
            }
            if (at.isBefore(found.get().collectedAt())) {
                problems.add(new Problem("at", "before the item was collected (" + found.get().collectedAt() + ")"));
            }
            if (!problems.isEmpty()) {
                return new Rejected<>(problems);
            }
            return new Done<>(transactions.execute(status -> {
                Custody entry = evidence.addCustody(item, at, released, received, purpose, now, caller.username());
                incidents.noteOnTimeline(incident, at, TimelineKind.EVIDENCE, "Custody of " + found.get().name() + ": " + released
                        + " to " + received + " (" + purpose + ")", "chain of custody", now, caller.username());
                audit.record(now, caller.username(), "evidence.custody", "incident/" + incident + "/evidence/" + item,
                        released + " -> " + received + " at " + at + ": " + purpose);
                return entry;
            }));
        });
    }

    /** A file in the locker, for a member to download. */
    public IncidentOutcome<StoredFile> file(long incident, long item, Caller caller) {
        return guarded(incident, caller, Access::canRead, "you are not a member of this incident", () -> {
            Optional<Evidence> found = evidence.find(incident, item).filter(Evidence::stored);
            Optional<Path> path = found.flatMap(stored -> files.find(stored.sha256()));
            if (path.isEmpty()) {
                return Rejected.of("evidence", "incident " + incident + " holds no file for evidence item " + item);
            }
            return new Done<>(new StoredFile(found.get(), path.get()));
        });
    }

    private IncidentOutcome<Item> record(long incident, Description described, @Nullable String sha256, @Nullable Long size,
                                         boolean stored, String location, Caller caller) {
        Instant now = clock.instant();
        Instant collectedAt = described.collectedAt() == null ? now : described.collectedAt();
        EvidenceStore.NewEvidence item = new EvidenceStore.NewEvidence(described.name().strip(),
                text(described.description()), sha256, size, stored, location, text(described.source()),
                described.collector() == null || described.collector().isBlank() ? caller.username() : described.collector().strip(),
                collectedAt);
        Evidence saved = transactions.execute(status -> {
            Evidence added = evidence.add(incident, item, now, caller.username());
            incidents.noteOnTimeline(incident, collectedAt, TimelineKind.EVIDENCE, "Evidence collected: " + added.name()
                    + (sha256 == null ? "" : " (SHA-256 " + sha256 + ")"), added.collector() + ", " + location, now, caller.username());
            audit.record(now, caller.username(), "evidence.add", "incident/" + incident + "/evidence/" + added.id(),
                    added.name() + (sha256 == null ? "" : ", sha256 " + sha256) + (size == null ? "" : ", " + size + " bytes")
                            + ", at " + location);
            return added;
        });
        return new Done<>(new Item(saved, List.of()));
    }

    private List<Problem> problems(Description described, boolean reference) {
        List<Problem> problems = new ArrayList<>();
        required(described.name(), "name", 300, problems);
        if (described.collectedAt() != null && described.collectedAt().isAfter(clock.instant().plusSeconds(60))) {
            problems.add(new Problem("collected_at", "cannot be in the future"));
        }
        if (reference) {
            required(described.storageLocation(), "storage_location", 1000, problems);
            if (described.sha256() != null && !described.sha256().isBlank()
                    && !described.sha256().strip().matches("[0-9a-fA-F]{64}")) {
                problems.add(new Problem("sha256", "64 hexadecimal digits"));
            }
            if (described.sizeBytes() != null && described.sizeBytes() < 0) {
                problems.add(new Problem("size_bytes", "cannot be negative"));
            }
        }
        return problems;
    }

    private static String required(@Nullable String value, String field, int max, List<Problem> problems) {
        String text = text(value);
        if (text.isEmpty()) {
            problems.add(new Problem(field, "required"));
        } else if (text.length() > max) {
            problems.add(new Problem(field, "longer than " + max + " characters"));
        }
        return text;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    private <T> IncidentOutcome<T> guarded(long incident, Caller caller, Predicate<Access> allowed, String refusal,
                                           Supplier<IncidentOutcome<T>> action) {
        return incidents.guarded(incident, caller, allowed, refusal, action);
    }
}
