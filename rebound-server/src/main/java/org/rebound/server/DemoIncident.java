package org.rebound.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.rebound.impact.application.ImpactService;
import org.rebound.incident.application.IncidentEvidence;
import org.rebound.incident.application.IncidentTasks;
import org.rebound.incident.application.Incidents;
import org.rebound.model.SystemState;
import org.rebound.model.demo.DemoEnterprise;
import org.rebound.obligations.application.IncidentObligations;

/**
 * Puts Albion Motors into a database that has no model: imports the demo model and declares its
 * ransomware incident as having started 50 hours ago, with the first two days of response already
 * logged (precautionary isolation, Active Directory rebuilt, bank link restored), so that the
 * dashboard shows a company part-way through its recovery; and opens the responders' incident
 * ({@link DemoResponse}).
 */
final class DemoIncident {

    static final String ACTOR = "demo";
    static final Duration AGE = Duration.ofHours(50);

    private record Step(long hoursAfterStart, String system, SystemState state, String reason) {
    }

    private static final List<Step> FIRST_TWO_DAYS = List.of(
            new Step(1, "vpn", SystemState.ISOLATED, "Remote access shut down to contain the attacker"),
            new Step(1, "supplier-edi", SystemState.ISOLATED, "External connections cut as a precaution"),
            new Step(1, "dealer-portal", SystemState.ISOLATED, "External connections cut as a precaution"),
            new Step(1, "bank-gateway", SystemState.ISOLATED, "Bank link disconnected pending forensic review"),
            new Step(6, "backup-vault", SystemState.VERIFIED, "Forensics confirmed the offline vault is clean"),
            new Step(20, "net-core", SystemState.SUSPECTED, "Unusual east-west traffic under investigation"),
            new Step(28, "ad-core", SystemState.RECOVERING, "Forest recovery from the offline vault started"),
            new Step(44, "ad-core", SystemState.RESTORED, "Domain controllers rebuilt; all privileged passwords reset"),
            new Step(46, "bank-gateway", SystemState.VERIFIED, "Bank connectivity reviewed and reconnected"),
            new Step(47, "hq-endpoints", SystemState.RECOVERING, "Reimaging HQ laptops from the golden image"));

    private DemoIncident() {
    }

    /** Seeds the demo unless the database already holds a model; returns whether it did. */
    static boolean seedIfEmpty(ImpactService service, Incidents incidents, IncidentTasks tasks, IncidentEvidence evidence,
                               IncidentObligations obligations, Clock clock) {
        if (service.situation().isPresent()) {
            return false;
        }
        service.importModel(DemoEnterprise.yaml(), DemoEnterprise.SOURCE, ACTOR);
        Instant start = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(AGE);
        service.startScenario(DemoEnterprise.SCENARIO, start, ACTOR);
        for (Step step : FIRST_TWO_DAYS) {
            service.changeState(step.system(), step.state(), step.reason(), ACTOR, start.plus(Duration.ofHours(step.hoursAfterStart())));
        }
        DemoResponse.open(incidents, tasks, evidence, obligations, start);
        return true;
    }
}
