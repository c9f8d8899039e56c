package org.rebound.reports.web;

import org.rebound.incident.application.IncidentOutcome;
import org.rebound.incident.web.IncidentResponses;
import org.rebound.reports.CaseFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The case file of an incident, as a zip streamed to the member who asks. */
@RestController
class CaseFileApi {

    private static final Logger log = LoggerFactory.getLogger(CaseFileApi.class);

    private final CaseFile caseFile;

    CaseFileApi(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    /** {@code X-Case-File-SHA256} is the SHA-256 of the zip's SHA256SUMS, as recorded in the audit log. */
    @GetMapping("/api/incidents/{id}/case-file.zip")
    ResponseEntity<StreamingResponseBody> download(@PathVariable long id, @RequestParam(defaultValue = "false") boolean evidence,
                                                   Authentication user) {
        IncidentOutcome<CaseFile.Prepared> outcome = caseFile.prepare(id, evidence, IncidentResponses.caller(user));
        if (outcome instanceof IncidentOutcome.Forbidden<CaseFile.Prepared> forbidden) {
            log.warn("denied the case file of incident {} to {}: {}", id, user.getName(), forbidden.reason());
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, forbidden.reason());
        }
        if (!(outcome instanceof IncidentOutcome.Done<CaseFile.Prepared> done)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no incident " + id);
        }
        StreamingResponseBody body = done.value()::writeTo;
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"incident-" + id + "-case-file.zip\"")
                .header("X-Case-File-SHA256", done.value().sumsSha256())
                .body(body);
    }
}
