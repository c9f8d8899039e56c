package org.rebound.obligations.web;

import static org.rebound.incident.web.IncidentResponses.answer;
import static org.rebound.incident.web.IncidentResponses.caller;
import static org.rebound.incident.web.IncidentResponses.required;

import org.jspecify.annotations.Nullable;
import org.rebound.incident.application.IncidentOutcome;
import org.rebound.obligations.application.NoticeDrafts;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Notice drafts and mail merges over HTTP (docs/obligations.md). */
@RestController
class NoticeDraftsApi {

    record NewDraft(@Nullable String rule, @Nullable String template, @Nullable String contact) {
    }

    record DraftText(@Nullable String title, @Nullable String body) {
    }

    record MailMerge(@Nullable Long register) {
    }

    private final NoticeDrafts drafts;

    NoticeDraftsApi(NoticeDrafts drafts) {
        this.drafts = drafts;
    }

    @GetMapping("/api/incidents/{id}/drafts")
    ResponseEntity<?> list(@PathVariable long id, Authentication user) {
        return answer(drafts.drafts(id, caller(user)), HttpStatus.OK, user);
    }

    @PostMapping("/api/incidents/{id}/drafts")
    ResponseEntity<?> create(@PathVariable long id, @RequestBody NewDraft draft, Authentication user) {
        return answer(drafts.create(id, draft.rule(), draft.template(), draft.contact(), caller(user)), HttpStatus.CREATED, user);
    }

    @PutMapping("/api/incidents/{id}/drafts/{draft}")
    ResponseEntity<?> edit(@PathVariable long id, @PathVariable long draft, @RequestBody DraftText text, Authentication user) {
        return answer(drafts.edit(id, draft, text.title(), text.body(), caller(user)), HttpStatus.OK, user);
    }

    @PostMapping("/api/incidents/{id}/drafts/{draft}/approval")
    ResponseEntity<?> approve(@PathVariable long id, @PathVariable long draft, Authentication user) {
        return answer(drafts.approve(id, draft, caller(user)), HttpStatus.OK, user);
    }

    /** Starts e-mailing an approved letter to the people of a register; answers the run, whose progress {@code GET .../letter-runs/{run}} shows. */
    @PostMapping("/api/incidents/{id}/drafts/{draft}/mail-merge")
    ResponseEntity<?> mailMerge(@PathVariable long id, @PathVariable long draft, @RequestBody MailMerge merge, Authentication user) {
        if (merge.register() == null) {
            return answer(IncidentOutcome.Rejected.of("register", "required: the breach register whose people get the letter"),
                    HttpStatus.ACCEPTED, user);
        }
        return answer(drafts.mailLetters(id, draft, merge.register(), caller(user)), HttpStatus.ACCEPTED, user);
    }

    @GetMapping("/api/incidents/{id}/letter-runs")
    ResponseEntity<?> runs(@PathVariable long id, Authentication user) {
        return answer(drafts.runs(id, caller(user)), HttpStatus.OK, user);
    }

    @GetMapping("/api/incidents/{id}/letter-runs/{run}")
    ResponseEntity<?> run(@PathVariable long id, @PathVariable long run, Authentication user) {
        return answer(drafts.run(id, run, caller(user)), HttpStatus.OK, user);
    }

    /** The letters for the post as a zip of PDFs, made as it downloads; those already e-mailed are left out unless asked for. */
    @GetMapping("/api/incidents/{id}/drafts/{draft}/letters.zip")
    ResponseEntity<StreamingResponseBody> letters(@PathVariable long id, @PathVariable long draft, @RequestParam long register,
                                                  @RequestParam(name = "include_mailed", defaultValue = "false") boolean includeMailed,
                                                  Authentication user) {
        NoticeDrafts.LetterArchive archive = required(drafts.printLetters(id, draft, register, includeMailed, caller(user)), user);
        StreamingResponseBody body = archive::writeTo;
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("incident-" + id + "-letters-" + draft + ".zip").build().toString())
                .body(body);
    }
}
