package org.rebound.intel.web;

import org.rebound.incident.application.IncidentOutcome;
import org.rebound.intel.StixExport;
import org.rebound.incident.web.IncidentResponses;
import org.rebound.intel.IntelSharing;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** An incident shared as STIX 2.1 or a MISP event, and observables taken in from either, for members. */
@RestController
class SharingApi {

    private final IntelSharing sharing;

    SharingApi(IntelSharing sharing) {
        this.sharing = sharing;
    }

    /** Adds the observables of a STIX 2.1 or 2.0 bundle: indicators' values as IOCs, cyber-observables as observables. */
    @PostMapping(path = "/api/incidents/{id}/stix", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> importBundle(@PathVariable long id, @RequestBody JsonNode bundle, Authentication user) {
        return IncidentResponses.answer(sharing.importBundle(id, bundle, IncidentResponses.caller(user)), HttpStatus.OK, user);
    }

    /** The incident as a MISP event ({@code {"Event": {...}}}). */
    @GetMapping(path = "/api/incidents/{id}/misp", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> exportMisp(@PathVariable long id, Authentication user) {
        IncidentOutcome<ObjectNode> outcome = sharing.exportMisp(id, IncidentResponses.caller(user));
        if (outcome instanceof IncidentOutcome.Done<ObjectNode> done) {
            return ResponseEntity.ok().body(done.value().toString());
        }
        return IncidentResponses.answer(outcome, HttpStatus.OK, user);
    }

    /** Adds the attributes of a MISP event as observables (IDS flag: IOC; tlp: tags: marking). */
    @PostMapping(path = "/api/incidents/{id}/misp", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> importMisp(@PathVariable long id, @RequestBody JsonNode event, Authentication user) {
        return IncidentResponses.answer(sharing.importMisp(id, event, IncidentResponses.caller(user)), HttpStatus.OK, user);
    }

    /** The bundle; {@code X-Rebound-Omitted} counts observables STIX has no form for (phone numbers, wallets). */
    @GetMapping(path = "/api/incidents/{id}/stix", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> export(@PathVariable long id, Authentication user) {
        IncidentOutcome<StixExport.Result> outcome = sharing.export(id, IncidentResponses.caller(user));
        if (outcome instanceof IncidentOutcome.Done<StixExport.Result> done) {
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"incident-" + id + ".stix.json\"")
                    .header("X-Rebound-Omitted", String.valueOf(done.value().omitted()))
                    .body(done.value().bundle().toString());
        }
        return IncidentResponses.answer(outcome, HttpStatus.OK, user);
    }
}
