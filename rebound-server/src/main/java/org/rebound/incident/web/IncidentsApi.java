package org.rebound.incident.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.rebound.incident.IncidentWorkflow;
import org.rebound.incident.application.IncidentOutcome;
import org.rebound.incident.application.Incidents;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.rebound.incident.web.IncidentResponses.answer;
import static org.rebound.incident.web.IncidentResponses.caller;

/**
 * Incidents over HTTP. Members only: an incident the caller is not in answers 404, as if it did not
 * exist (administrators see every incident's title and membership, not its content).
 */
@RestController
@RequestMapping("/api/incidents")
class IncidentsApi {

    record NewMember(@Nullable String username) {
    }

    record NewTechnique(@Nullable String technique) {
    }

    record NewSoftware(@Nullable String software) {
    }

    record Parent(@Nullable Long parent) {
    }

    record MergeInto(@Nullable Long into) {
    }

    record Workflow(@Nullable List<String> statuses) {
    }

    private final Incidents incidents;

    IncidentsApi(Incidents incidents) {
        this.incidents = incidents;
    }

    @GetMapping
    List<Incidents.Listed> list(Authentication user) {
        return incidents.list(caller(user));
    }

    @PostMapping
    ResponseEntity<?> open(@RequestBody Incidents.Draft draft, Authentication user) {
        return answer(incidents.open(draft, caller(user)), HttpStatus.CREATED, user);
    }

    /** The statuses incidents move through, in order. */
    @GetMapping("/workflow")
    IncidentWorkflow workflow() {
        return incidents.workflow();
    }

    /** Replaces the statuses (incident commanders and administrators); one an open incident is in cannot go. */
    @PutMapping("/workflow")
    ResponseEntity<?> changeWorkflow(@RequestBody Workflow workflow, Authentication user) {
        return answer(incidents.changeWorkflow(workflow.statuses() == null ? List.of() : workflow.statuses(), caller(user)),
                HttpStatus.OK, user);
    }

    @GetMapping("/{id}")
    ResponseEntity<?> detail(@PathVariable long id, Authentication user) {
        return answer(incidents.detail(id, caller(user)), HttpStatus.OK, user);
    }

    @PatchMapping("/{id}")
    ResponseEntity<?> change(@PathVariable long id, @RequestBody Incidents.Changes changes, Authentication user) {
        return answer(incidents.change(id, changes, caller(user)), HttpStatus.OK, user);
    }

    /** Makes the incident part of a larger one, or ({@code "parent": null}) on its own again. */
    @PutMapping("/{id}/parent")
    ResponseEntity<?> parent(@PathVariable long id, @RequestBody Parent parent, Authentication user) {
        return answer(incidents.setParent(id, parent.parent(), caller(user)), HttpStatus.OK, user);
    }

    @GetMapping("/{id}/children")
    ResponseEntity<?> children(@PathVariable long id, Authentication user) {
        return answer(incidents.children(id, caller(user)), HttpStatus.OK, user);
    }

    /** Merges this incident into another: {@code {"into": 12}}; answers the incident merged into. */
    @PostMapping("/{id}/merge")
    ResponseEntity<?> merge(@PathVariable long id, @RequestBody MergeInto merge, Authentication user) {
        if (merge.into() == null) {
            return answer(new IncidentOutcome.Rejected<>(List.of(new IncidentOutcome.Problem("into", "required: the incident to merge into"))),
                    HttpStatus.OK, user);
        }
        return answer(incidents.merge(id, merge.into(), caller(user)), HttpStatus.OK, user);
    }

    @PostMapping("/{id}/members")
    ResponseEntity<?> addMember(@PathVariable long id, @RequestBody NewMember member, Authentication user) {
        return answer(incidents.addMember(id, member.username() == null ? "" : member.username(), caller(user)), HttpStatus.OK, user);
    }

    @DeleteMapping("/{id}/members/{username}")
    ResponseEntity<?> removeMember(@PathVariable long id, @PathVariable String username, Authentication user) {
        return answer(incidents.removeMember(id, username, caller(user)), HttpStatus.OK, user);
    }

    @PostMapping("/{id}/techniques")
    ResponseEntity<?> noteTechnique(@PathVariable long id, @RequestBody NewTechnique technique, Authentication user) {
        return answer(incidents.noteTechnique(id, technique.technique() == null ? "" : technique.technique(), caller(user)),
                HttpStatus.OK, user);
    }

    /** Malware or a tool found: {@code {"software": "S1068"}}. */
    @PostMapping("/{id}/software")
    ResponseEntity<?> noteSoftware(@PathVariable long id, @RequestBody NewSoftware software, Authentication user) {
        return answer(incidents.noteSoftware(id, software.software() == null ? "" : software.software(), caller(user)), HttpStatus.OK, user);
    }

    /** A threat group's techniques, each marked observed in this incident or not yet seen. */
    @GetMapping("/{id}/attack/{group}")
    ResponseEntity<?> coverage(@PathVariable long id, @PathVariable String group, Authentication user) {
        return answer(incidents.coverage(id, group, caller(user)), HttpStatus.OK, user);
    }

    /** The timeline; {@code ?kind=communication} (or {@code decision}, ...) gives that log alone. */
    @GetMapping("/{id}/timeline")
    ResponseEntity<?> timeline(@PathVariable long id, @RequestParam(required = false) @Nullable String kind, Authentication user) {
        IncidentOutcome<List<Incidents.TimelineItem>> outcome = incidents.timeline(id, caller(user));
        if (kind != null && outcome instanceof IncidentOutcome.Done<List<Incidents.TimelineItem>> done) {
            return ResponseEntity.ok(done.value().stream().filter(item -> item.kind().id().equalsIgnoreCase(kind.strip())).toList());
        }
        return answer(outcome, HttpStatus.OK, user);
    }

    /** The timeline as CSV, for a report or a spreadsheet. */
    @GetMapping(path = "/{id}/timeline.csv")
    ResponseEntity<?> timelineCsv(@PathVariable long id, Authentication user) throws java.io.IOException {
        IncidentOutcome<List<Incidents.TimelineItem>> outcome = incidents.timeline(id, caller(user));
        if (!(outcome instanceof IncidentOutcome.Done<List<Incidents.TimelineItem>> done)) {
            return answer(outcome, HttpStatus.OK, user);
        }
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180.builder()
                .setHeader("occurred_at", "kind", "summary", "source", "technique", "recorded_at", "recorded_by", "origin", "counterpart",
                        "channel", "attachment").get())) {
            for (Incidents.TimelineItem item : done.value()) {
                printer.printRecord(item.occurredAt(), item.kind().id(), item.summary(), item.source(),
                        item.technique() == null ? "" : item.technique(), item.recordedAt(), item.recordedBy(), item.origin(),
                        item.counterpart() == null ? "" : item.counterpart().id(), item.channel() == null ? "" : item.channel().id(),
                        item.attachment() == null ? "" : item.attachment());
            }
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"incident-" + id + "-timeline.csv\"")
                .body(csv.toString());
    }

    @PostMapping("/{id}/timeline")
    ResponseEntity<?> record(@PathVariable long id, @RequestBody Incidents.NewEntry entry, Authentication user) {
        return answer(incidents.record(id, entry, caller(user)), HttpStatus.CREATED, user);
    }

    @GetMapping("/{id}/observables")
    ResponseEntity<?> observables(@PathVariable long id, Authentication user) {
        return answer(incidents.observables(id, caller(user)), HttpStatus.OK, user);
    }

    /** Adds observables pasted one per line: all of them, or none with every bad line listed. */
    @PostMapping("/{id}/observables")
    ResponseEntity<?> addObservables(@PathVariable long id, @RequestBody Incidents.Paste paste, Authentication user) {
        return answer(incidents.addObservables(id, paste, caller(user)), HttpStatus.OK, user);
    }

    @GetMapping("/attack/techniques")
    List<?> searchTechniques(@RequestParam(defaultValue = "") String q) {
        return q.isBlank() ? List.of() : incidents.attack().search(q, 20);
    }

}
