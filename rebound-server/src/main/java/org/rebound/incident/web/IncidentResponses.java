package org.rebound.incident.web;

import java.util.List;
import java.util.Map;
import org.rebound.incident.application.Caller;
import org.rebound.incident.application.IncidentOutcome;
import org.rebound.security.MfaStages;
import org.rebound.web.ApiProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ResponseStatusException;

/** Turns incident outcomes into HTTP answers; a refusal is logged like every other denied request. */
public final class IncidentResponses {

    private static final Logger log = LoggerFactory.getLogger(IncidentResponses.class);

    private IncidentResponses() {
    }

    public static Caller caller(Authentication user) {
        return new Caller(user.getName(), MfaStages.roles(user));
    }

    public static ResponseEntity<?> answer(IncidentOutcome<?> outcome, HttpStatus success, Authentication user) {
        if (outcome instanceof IncidentOutcome.Done<?> done) {
            return ResponseEntity.status(success).body(done.value());
        }
        if (outcome instanceof IncidentOutcome.Rejected<?> rejected) {
            return ResponseEntity.badRequest().body(problems(rejected.problems()));
        }
        if (outcome instanceof IncidentOutcome.Forbidden<?> forbidden) {
            log.warn("denied incident action to {}: {}", user.getName(), forbidden.reason());
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiProblems.forbidden(forbidden.reason()));
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ApiProblems.notFound("no incident " + ((IncidentOutcome.NotFound<?>) outcome).incident()));
    }

    /** For pages: the value of a done outcome; otherwise the 404, 403 or 400 page (a refusal is logged). */
    public static <T> T required(IncidentOutcome<T> outcome, Authentication user) {
        if (outcome instanceof IncidentOutcome.Done<T> done) {
            return done.value();
        }
        if (outcome instanceof IncidentOutcome.Forbidden<T> forbidden) {
            log.warn("denied incident page action to {}: {}", user.getName(), forbidden.reason());
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, forbidden.reason());
        }
        if (outcome instanceof IncidentOutcome.Rejected<T> rejected) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, rejected.problems().toString());
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such incident");
    }

    private static ProblemDetail problems(List<IncidentOutcome.Problem> problems) {
        ProblemDetail detail = ApiProblems.badRequest(problems.get(0).field(), problems.get(0).message());
        detail.setProperty("problems", problems.stream().map(problem -> Map.of("field", problem.field(), "message", problem.message())).toList());
        return detail;
    }
}
