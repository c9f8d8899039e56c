package org.rebound.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rebound.cli.ReboundCliTest.rebound;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebound.model.demo.DemoEnterprise;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TabletopCommandTest {

    @TempDir
    Path dir;

    private Path albion;

    @BeforeEach
    void demoModel() throws IOException {
        albion = Files.writeString(dir.resolve("albion.yaml"), DemoEnterprise.yaml());
    }

    @Test
    void aGeneratedOtScenarioIsPlayedAndPrintedAsJson() {
        ReboundCliTest.Run run = rebound("tabletop", albion.toString(), "--generate", "ot-network", "--start", "2026-03-02T06:00:00Z",
                "--samples", "100", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertThat(json.get("scenario").get("id").asString()).isEqualTo("exercise-ot-network");
        assertThat(json.get("scenario").get("start").asString()).isEqualTo("2026-03-02T06:00:00Z");
        assertThat(json.get("scenario").get("compromised").toString()).contains("north-scada");
        assertThat(json.get("impact").get("processes_down").asLong()).isPositive();
        assertThat(json.get("plan").get("activities").asInt()).isPositive();
        assertThat(json.get("expected_loss").get("samples").asInt()).isEqualTo(100);
        JsonNode process = json.get("processes").get(0);
        assertThat(process.has("p50") && process.has("p90") && process.has("planned")).isTrue();
        assertThat(json.get("sensitivity").get(0).get("loss_saved").asDouble()).isPositive();
        assertThat(json.get("duties")).isEmpty();
    }

    @Test
    void twoVariantsAreComparedByExpectedLoss() throws IOException {
        Path withVault = Files.writeString(dir.resolve("albion-with-ad-vault.yaml"), DemoEnterprise.yaml()
                .replaceFirst("(?s)(- id: ad-core.*?recovery: )\\{[^}]*}", "$1{triage: 2h, restore: 4h, validate: 2h}"));

        ReboundCliTest.Run run = rebound("tabletop", albion.toString(), "--compare", withVault.toString(), "--samples", "50", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertThat(json.get("first").get("name").asString()).endsWith("albion.yaml");
        assertThat(json.get("expected_saving").asDouble()).isPositive();
        assertThat(json.get("second").get("expected_loss").get("mean").asDouble())
                .isLessThan(json.get("first").get("expected_loss").get("mean").asDouble());
    }

    @Test
    void anUnknownScenarioKindIsAUsageError() {
        ReboundCliTest.Run run = rebound("tabletop", albion.toString(), "--generate", "meteor-strike");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--generate must be one of ransomware-identity-erp|ot-network|supplier-outage, got 'meteor-strike'");
    }
}
