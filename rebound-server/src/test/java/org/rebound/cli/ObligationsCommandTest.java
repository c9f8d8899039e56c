package org.rebound.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rebound.cli.ReboundCliTest.rebound;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ObligationsCommandTest {

    private static final String ALBION_FACTS = """
            aware_at: 2025-09-02T14:30:00Z            # when the organisation became aware
            entity: {name: Albion Motors, country: GB, nis2: important, sec_registrant: true}   # nis2: essential|important|none
            personal_data: {involved: true, categories: [contact, financial, government-id], high_risk: true, encrypted: false}
            affected: {GB: 120000, DE: 5000, US-CA: 700, US-TX: 40}   # people per country or US state
            significant_incident: true                  # NIS2 significance
            materiality_determined_at: 2025-09-05T18:00:00Z           # SEC; absent = not yet determined
            """;

    @TempDir
    Path dir;

    @Test
    void printsEachTriggeredObligationWithItsRuleRecipientAndUtcDeadlineAsJson() throws IOException {
        Path facts = Files.writeString(dir.resolve("facts.yaml"), ALBION_FACTS);

        ReboundCliTest.Run run = rebound("obligations", facts.toString(), "--json", "--at", "2025-09-06T00:00:00Z");

        assertThat(run.exitCode()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertThat(json.get("evaluated_at").asString()).isEqualTo("2025-09-06T00:00:00Z");
        JsonNode ico = find(json, "uk-gdpr-art33");
        assertThat(ico.get("recipient").asString()).isEqualTo("Information Commissioner's Office (ICO)");
        assertThat(ico.get("deadline").asString()).isEqualTo("2025-09-05T14:30:00Z");
        assertThat(ico.get("deadline_local").asString()).isEqualTo("2025-09-05T15:30:00+01:00");
        assertThat(ico.get("timezone").asString()).isEqualTo("Europe/London");
        assertThat(ico.get("status").asString()).isEqualTo("overdue");
        assertThat(ico.get("why").asString()).contains("Albion Motors is established in GB");
        JsonNode sec = find(json, "sec-8k-1.05");
        assertThat(sec.get("deadline").asString()).isEqualTo("2025-09-11T21:30:00Z");
        assertThat(sec.get("status").asString()).isEqualTo("due");
        assertThat(find(json, "gdpr-art34").get("deadline").isNull()).isTrue();
        assertThat(find(json, "us-tx-521.053-ag").get("status").asString()).isEqualTo("not-triggered");
        assertThat(find(json, "nis2-final-report").get("provisional").asBoolean()).isTrue();
    }

    @Test
    void printsAReadableListByDefault() throws IOException {
        Path facts = Files.writeString(dir.resolve("facts.yaml"), ALBION_FACTS);

        ReboundCliTest.Run run = rebound("obligations", facts.toString(), "--at", "2025-09-03T00:00:00Z");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Albion Motors: 11 of ")
                .contains("DUE      by 2025-09-03 14:30 UTC (2025-09-03 15:30 Europe/London)  nis2-early-warning: Send the NIS2 early warning")
                .contains("to:  Affected residents of California (700 people)")
                .contains("rules do not apply (--all explains each).");
    }

    @Test
    void rejectsAFactsFileWithMistakesNamingTheLineAndChangesNothing() throws IOException {
        Path facts = Files.writeString(dir.resolve("facts.yaml"), ALBION_FACTS.replace("US-TX: 40", "TX: 40"));

        ReboundCliTest.Run run = rebound("obligations", facts.toString(), "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(facts + ":4:").contains("affected.TX: unknown place 'TX': use an ISO 3166 country code (DE) or a US state (US-CA)");
    }

    private static JsonNode find(JsonNode json, String rule) {
        for (JsonNode obligation : json.get("obligations")) {
            if (obligation.get("rule").asString().equals(rule)) {
                return obligation;
            }
        }
        throw new AssertionError("no obligation " + rule + " in " + json);
    }
}
