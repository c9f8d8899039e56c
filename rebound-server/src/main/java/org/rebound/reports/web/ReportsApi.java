package org.rebound.reports.web;

import static org.rebound.incident.web.IncidentResponses.answer;
import static org.rebound.incident.web.IncidentResponses.caller;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.rebound.incident.application.IncidentOutcome;
import org.rebound.reports.IncidentReports;
import org.rebound.reports.IncidentReports.Document;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An incident's post-incident and executive reports, as PDF or self-contained HTML; its lessons learned. */
@RestController
class ReportsApi {

    /**
     * The HTML report has no script and carries its styles and charts inline, so that it can be saved and
     * mailed as one file; this policy lets exactly that render and nothing else.
     */
    static final String REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

    record LessonsBody(@Nullable String lessons) {
    }

    private final IncidentReports reports;

    ReportsApi(IncidentReports reports) {
        this.reports = reports;
    }

    /** {@code kind}: {@code post-incident} (default) or {@code executive}; {@code format}: {@code pdf} (default) or {@code html}. */
    @GetMapping("/api/incidents/{id}/report")
    ResponseEntity<?> report(@PathVariable long id, @RequestParam(defaultValue = "post-incident") String kind,
                             @RequestParam(defaultValue = "pdf") String format, Authentication user) {
        IncidentReports.Kind chosenKind = switch (kind.toLowerCase(Locale.ROOT)) {
            case "post-incident" -> IncidentReports.Kind.POST_INCIDENT;
            case "executive" -> IncidentReports.Kind.EXECUTIVE;
            default -> null;
        };
        IncidentReports.Format chosenFormat = switch (format.toLowerCase(Locale.ROOT)) {
            case "pdf" -> IncidentReports.Format.PDF;
            case "html" -> IncidentReports.Format.HTML;
            default -> null;
        };
        if (chosenKind == null || chosenFormat == null) {
            return answer(IncidentOutcome.Rejected.of(chosenKind == null ? "kind" : "format",
                    chosenKind == null ? "use post-incident or executive" : "use pdf or html"), HttpStatus.OK, user);
        }
        IncidentOutcome<Document> outcome = reports.export(id, chosenKind, chosenFormat, caller(user));
        if (!(outcome instanceof IncidentOutcome.Done<Document> done)) {
            return answer(outcome, HttpStatus.OK, user);
        }
        return document(done.value());
    }

    @PutMapping("/api/incidents/{id}/report/lessons")
    ResponseEntity<?> lessons(@PathVariable long id, @RequestBody LessonsBody body, Authentication user) {
        return answer(reports.saveLessons(id, body.lessons(), caller(user)), HttpStatus.OK, user);
    }

    static ResponseEntity<byte[]> document(Document document) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(ContentDisposition.inline().filename(document.fileName()).build());
        if (document.format() == IncidentReports.Format.HTML) {
            headers.setContentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8));
            headers.set("Content-Security-Policy", REPORT_POLICY);
        } else {
            headers.setContentType(MediaType.APPLICATION_PDF);
        }
        return ResponseEntity.ok().headers(headers).body(document.content());
    }
}
