package org.rebound.obligations.web;

import static org.rebound.incident.web.IncidentResponses.answer;
import static org.rebound.incident.web.IncidentResponses.caller;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rebound.incident.application.IncidentOutcome;
import org.rebound.obligations.application.DeadlineAlerts;
import org.rebound.obligations.application.IncidentObligations;
import org.rebound.obligations.persistence.ObligationStore.Alert;
import org.rebound.obligations.view.IncidentObligationsView;
import org.rebound.obligations.view.IncidentObligationsView.ProfileView;
import org.rebound.obligations.view.ObligationsView.ObligationView;
import org.rebound.web.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Notification duties over HTTP (docs/obligations.md). */
@RestController
class ObligationsApi {

    /**
     * The facts of an incident, named as in the facts file; absent flags are false, absent lists and maps
     * empty, an absent {@code high_risk} is presumed from the data exposed.
     */
    record FactsBody(@Nullable Instant awareAt, @Nullable Boolean personalData, @Nullable List<String> categories,
                     @Nullable Map<String, Long> affected, @Nullable Boolean highRisk, @Nullable Boolean encrypted,
                     @Nullable Boolean unlikelyRisk, @Nullable Boolean riskMitigated, @Nullable Boolean disproportionateEffort,
                     @Nullable Boolean significantIncident) {

        IncidentObligations.FactsInput input() {
            return new IncidentObligations.FactsInput(awareAt, yes(personalData), categories == null ? List.of() : categories,
                    affected == null ? Map.of() : affected, highRisk, yes(encrypted), yes(unlikelyRisk), yes(riskMitigated),
                    yes(disproportionateEffort), yes(significantIncident));
        }
    }

    /** {@code material} must be given: a decision either way is what the record is for. */
    record MaterialityBody(@Nullable Boolean material, @Nullable Instant determinedAt, @Nullable String note) {
    }

    record ProfileBody(@Nullable String name, @Nullable String country, @Nullable String nis2, @Nullable Boolean secRegistrant,
                       @Nullable String nis2MemberState, @Nullable String timezone) {
    }

    record AcknowledgementBody(@Nullable Instant acknowledgedAt, @Nullable String text) {
    }

    /** An open duty of one of the caller's incidents. */
    record OpenDutyView(long incident, String incidentTitle, ObligationView obligation) {
    }

    private final IncidentObligations obligations;
    private final DeadlineAlerts alerts;

    ObligationsApi(IncidentObligations obligations, DeadlineAlerts alerts) {
        this.obligations = obligations;
        this.alerts = alerts;
    }

    @GetMapping("/api/organisation")
    ResponseEntity<?> profile() {
        return obligations.profile()
                .<ResponseEntity<?>>map(profile -> ResponseEntity.ok(ProfileView.of(profile.entity())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(ApiProblems.notFound("the organisation profile is not set yet")));
    }

    @PutMapping("/api/organisation")
    ResponseEntity<?> setProfile(@RequestBody ProfileBody body, Authentication user) {
        IncidentObligations.ProfileInput input = new IncidentObligations.ProfileInput(body.name(), body.country(), body.nis2(),
                yes(body.secRegistrant()), body.nis2MemberState(), body.timezone());
        return answer(obligations.setProfile(input, caller(user)).map(profile -> ProfileView.of(profile.entity())), HttpStatus.OK, user);
    }

    @GetMapping("/api/incidents/{id}/obligations")
    ResponseEntity<?> obligations(@PathVariable long id, Authentication user) {
        return answer(obligations.report(id, caller(user)).map(IncidentObligationsView::of), HttpStatus.OK, user);
    }

    @PutMapping("/api/incidents/{id}/obligations/facts")
    ResponseEntity<?> recordFacts(@PathVariable long id, @RequestBody FactsBody facts, Authentication user) {
        return answer(obligations.recordFacts(id, facts.input(), caller(user)).map(IncidentObligationsView::of), HttpStatus.OK, user);
    }

    @PostMapping("/api/incidents/{id}/obligations/materiality")
    ResponseEntity<?> recordMateriality(@PathVariable long id, @RequestBody MaterialityBody decision, Authentication user) {
        if (decision.material() == null) {
            return answer(IncidentOutcome.Rejected.of("material", "required: true or false"), HttpStatus.CREATED, user);
        }
        IncidentOutcome<IncidentObligations.Report> outcome = obligations.recordMateriality(id, decision.material(),
                decision.determinedAt(), decision.note(), caller(user));
        return answer(outcome.map(IncidentObligationsView::of), HttpStatus.CREATED, user);
    }

    @PostMapping("/api/incidents/{id}/obligations/notices")
    ResponseEntity<?> recordNotice(@PathVariable long id, @RequestBody IncidentObligations.NoticeInput notice, Authentication user) {
        return answer(obligations.recordNotice(id, notice, caller(user)), HttpStatus.CREATED, user);
    }

    @PostMapping("/api/incidents/{id}/obligations/notices/{notice}/acknowledgement")
    ResponseEntity<?> acknowledge(@PathVariable long id, @PathVariable long notice, @RequestBody AcknowledgementBody body,
                                  Authentication user) {
        return answer(obligations.acknowledge(id, notice, body.acknowledgedAt(), body.text(), caller(user)), HttpStatus.OK, user);
    }

    private static boolean yes(@Nullable Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }

    /** The open duties of every incident the caller is a member of, soonest deadline first. */
    @GetMapping("/api/obligations/open")
    List<OpenDutyView> open(Authentication user) {
        return obligations.openDuties(caller(user)).stream()
                .map(duty -> new OpenDutyView(duty.incident().id(), duty.incident().title(), ObligationView.of(duty.obligation())))
                .toList();
    }

    /** The latest deadline alerts of the caller's incidents. */
    @GetMapping("/api/obligations/alerts")
    List<Alert> alerts(Authentication user) {
        return alerts.recent(caller(user), 50);
    }
}
