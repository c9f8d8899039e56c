package org.rebound.incident.web;

import static org.rebound.incident.web.IncidentResponses.answer;
import static org.rebound.incident.web.IncidentResponses.caller;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.rebound.incident.application.IncidentEvidence;
import org.rebound.incident.application.IncidentOutcome;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Evidence items of an incident, their files and their chains of custody. */
@RestController
class EvidenceApi {

    private final IncidentEvidence evidence;

    EvidenceApi(IncidentEvidence evidence) {
        this.evidence = evidence;
    }

    @GetMapping("/api/incidents/{id}/evidence")
    ResponseEntity<?> list(@PathVariable long id, Authentication user) {
        return answer(evidence.list(id, caller(user)), HttpStatus.OK, user);
    }

    /** Uploads a file (multipart field {@code file}) of any size; its SHA-256 is computed as it streams in. */
    @PostMapping(path = "/api/incidents/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> upload(@PathVariable long id, @RequestParam("file") MultipartFile file,
                             @RequestParam(required = false) @Nullable String name,
                             @RequestParam(required = false) @Nullable String description,
                             @RequestParam(required = false) @Nullable String source,
                             @RequestParam(required = false) @Nullable String collector,
                             @RequestParam(name = "collected_at", required = false) @Nullable Instant collectedAt,
                             Authentication user) {
        return answer(upload(evidence, id, file, new IncidentEvidence.Description(
                name == null || name.isBlank() ? file.getOriginalFilename() : name, description, source, collector, collectedAt,
                null, null, null), user), HttpStatus.CREATED, user);
    }

    static IncidentOutcome<IncidentEvidence.Item> upload(IncidentEvidence evidence, long id, MultipartFile file,
                                                         IncidentEvidence.Description described, Authentication user) {
        try (InputStream content = file.getInputStream()) {
            return evidence.upload(id, described, content, caller(user));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("the upload could not be read", unreadable);
        }
    }

    /** Records evidence kept elsewhere, with its hash if the collector took one. */
    @PostMapping("/api/incidents/{id}/evidence/references")
    ResponseEntity<?> reference(@PathVariable long id, @RequestBody IncidentEvidence.Description described, Authentication user) {
        return answer(evidence.reference(id, described, caller(user)), HttpStatus.CREATED, user);
    }

    @PostMapping("/api/incidents/{id}/evidence/{item}/custody")
    ResponseEntity<?> handOver(@PathVariable long id, @PathVariable long item, @RequestBody IncidentEvidence.Handover handover,
                               Authentication user) {
        return answer(evidence.handOver(id, item, handover, caller(user)), HttpStatus.CREATED, user);
    }

    /** The stored file, always as a download: evidence is never rendered by the browser. */
    @GetMapping("/api/incidents/{id}/evidence/{item}/file")
    ResponseEntity<?> file(@PathVariable long id, @PathVariable long item, Authentication user) {
        IncidentOutcome<IncidentEvidence.StoredFile> outcome = evidence.file(id, item, caller(user));
        if (!(outcome instanceof IncidentOutcome.Done<IncidentEvidence.StoredFile> done)) {
            return answer(outcome, HttpStatus.OK, user);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(done.value().evidence().name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Evidence-SHA256", done.value().evidence().sha256())
                .body(new FileSystemResource(done.value().path()));
    }
}
