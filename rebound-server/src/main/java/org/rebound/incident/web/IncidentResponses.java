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

    private static ProblemDetail problems(List<IncidentOutcome.Problem> problems) {
        ProblemDetail detail = ApiProblems.badRequest(problems.get(0).field(), problems.get(0).message());
        detail.setProperty("problems", problems.stream().map(problem -> Map.of("field", problem.field(), "message", problem.message())).toList());
        return detail;
    }
}
