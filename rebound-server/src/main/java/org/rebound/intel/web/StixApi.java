package org.rebound.intel.web;

import org.rebound.incident.application.Caller;
import org.rebound.incident.application.IncidentOutcome;
import org.rebound.intel.StixExport;
import org.rebound.intel.StixSharing;
import org.rebound.security.MfaStages;
import org.rebound.web.ApiProblems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An incident as a STIX 2.1 bundle, for members. */
@RestController
class StixApi {

    private final StixSharing sharing;

    StixApi(StixSharing sharing) {
        this.sharing = sharing;
    }

    /** The bundle; {@code X-Rebound-Omitted} counts observables STIX has no form for (phone numbers, wallets). */
    @GetMapping(path = "/api/incidents/{id}/stix", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> export(@PathVariable long id, Authentication user) {
        IncidentOutcome<StixExport.Result> outcome = sharing.export(id, new Caller(user.getName(), MfaStages.roles(user)));
        if (outcome instanceof IncidentOutcome.Done<StixExport.Result> done) {
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"incident-" + id + ".stix.json\"")
                    .header("X-Rebound-Omitted", String.valueOf(done.value().omitted()))
                    .body(done.value().bundle().toString());
        }
        return outcome instanceof IncidentOutcome.Forbidden<StixExport.Result> forbidden
                ? ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiProblems.forbidden(forbidden.reason()))
                : ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiProblems.notFound("no incident " + id));
    }
}
