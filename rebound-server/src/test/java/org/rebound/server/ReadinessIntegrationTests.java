package org.rebound.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rebound.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Tabletop exercises on the demo model: played in a sandbox that leaves the live incident as it was. */
@SpringBootTest(classes = ReboundServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rebound.demo=true", "rebound.admin-password=readiness-test-admin-password", "rebound.tick-interval=1h",
                "rebound.obligations.alert-check-interval=1h"})
class ReadinessIntegrationTests extends DemoServerTests {

    private static final String PASSWORD = "readiness-test-password";

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void accounts() {
        Map.of("erin", Role.EXECUTIVE, "pat", Role.EXTERNAL_PARTNER).forEach((name, role) -> member(name, PASSWORD, role));
    }

    private Http as(String user) {
        return Http.basic(port, user, PASSWORD);
    }

    @Test
    void anExecutivePlaysTheRansomwareScenarioAgainstAVariantWithFasterDirectoryRecoveryWithoutTouchingTheIncident() {
        long stateEvents = jdbc.sql("select count(*) from system_state_event").query(Long.class).single();
        long plans = jdbc.sql("select count(*) from plan_version").query(Long.class).single();
        double lossRate = read(as("erin").get("/api/impact")).get("loss_per_hour").asDouble();

        HttpResponse<String> played = as("erin").postJson("/api/readiness/exercises",
                "{\"scenario\": \"ransomware\", \"faster_system\": \"ad-core\", \"speed_up\": 0.25, \"samples\": 200}");

        assertThat(played.statusCode()).as(played.body()).isEqualTo(200);
        JsonNode exercise = read(played).get("exercise");
        assertThat(exercise.get("scenario").get("id").asString()).isEqualTo("ransomware");
        assertThat(exercise.get("impact").get("processes_down").asLong()).isEqualTo(16);
        assertThat(exercise.get("expected_loss").get("samples").asInt()).isEqualTo(200);
        assertThat(exercise.get("sensitivity").size()).isPositive();
        assertThat(exercise.get("duties").toString()).contains("\"rule\":\"uk-gdpr-art33\"", "\"rule\":\"nis2-early-warning\"");
        JsonNode comparison = read(played).get("comparison");
        assertThat(comparison.get("second").get("name").asString()).isEqualTo("ad-core recovered in 25% of the time");
        assertThat(comparison.get("expected_saving").asDouble()).isPositive();

        assertThat(jdbc.sql("select count(*) from system_state_event").query(Long.class).single()).isEqualTo(stateEvents);
        assertThat(jdbc.sql("select count(*) from plan_version").query(Long.class).single()).isEqualTo(plans);
        assertThat(read(as("erin").get("/api/impact")).get("loss_per_hour").asDouble()).isEqualTo(lossRate);
    }

    @Test
    void generatedScenariosArePlayedAndUnknownOnesRefused() {
        HttpResponse<String> ot = as("erin").postJson("/api/readiness/exercises", "{\"scenario\": \"generate:ot-network\", \"samples\": 50}");
        HttpResponse<String> unknown = as("erin").postJson("/api/readiness/exercises", "{\"scenario\": \"meteor-strike\"}");

        assertThat(ot.statusCode()).as(ot.body()).isEqualTo(200);
        assertThat(read(ot).get("exercise").get("scenario").get("id").asString()).isEqualTo("exercise-ot-network");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("no scenario 'meteor-strike' to play: choose one of ransomware, ot-intrusion, edi-outage,"
                + " generate:ransomware-identity-erp, generate:ot-network, generate:supplier-outage");
    }

    @Test
    void theReadinessPageShowsTheExerciseToInternalRolesOnly() {
        HttpResponse<String> page = as("erin").getPage("/readiness?scenario=ransomware&faster=ad-core&speed_up=0.25");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Readiness: tabletop exercise", "data-testid=\"exercise\"", "Expected saving",
                "Faster recovery that saves most", "Notification duties that would trigger");
        assertThat(as("pat").getPage("/readiness").statusCode()).isEqualTo(403);
        assertThat(as("pat").postJson("/api/readiness/exercises", "{\"scenario\": \"ransomware\"}").statusCode()).isEqualTo(403);
    }
}
