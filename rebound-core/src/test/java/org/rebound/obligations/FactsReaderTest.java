package org.rebound.obligations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rebound.model.io.ModelProblem;

class FactsReaderTest {

    @Test
    void readsTheFactsFileOfTheDocumentation() throws URISyntaxException {
        Path file = Path.of(getClass().getResource("albion-facts.yaml").toURI());

        FactsLoad load = FactsReader.read(file);

        assertThat(load).isInstanceOf(FactsLoad.Loaded.class);
        IncidentFacts facts = ((FactsLoad.Loaded) load).facts();
        assertThat(facts.awareAt()).isEqualTo(Instant.parse("2025-09-02T14:30:00Z"));
        assertThat(facts.entity().nis2()).isEqualTo(IncidentFacts.Nis2.IMPORTANT);
        assertThat(facts.entity().secRegistrant()).isTrue();
        assertThat(facts.personalData().categories()).containsExactly("contact", "financial", "government-id");
        assertThat(facts.personalData().highRisk()).isTrue();
        assertThat(facts.affected()).isEqualTo(Map.of("GB", 120_000L, "DE", 5_000L, "US-CA", 700L, "US-TX", 40L));
        assertThat(facts.significantIncident()).isTrue();
        assertThat(facts.materialityDeterminedAt()).isEqualTo(Instant.parse("2025-09-05T18:00:00Z"));
    }

    @Test
    void breachCategoryIdsAreReadAsTheGroupsTheLawsUse() {
        FactsLoad load = FactsReader.read("facts.yaml", """
                aware_at: 2025-09-02T14:30:00Z
                entity: {name: Albion Motors, country: GB}
                personal_data: {categories: [email, iban, passport, payment-card]}
                """);

        IncidentFacts facts = ((FactsLoad.Loaded) load).facts();
        assertThat(facts.personalData().involved()).isTrue();
        assertThat(facts.personalData().categories()).containsExactly("contact", "financial", "government-id", "payment-card");
        assertThat(facts.personalData().highRisk()).isNull();
    }

    @Test
    void recordsWhenNoticesWereGiven() {
        FactsLoad load = FactsReader.read("facts.yaml", """
                aware_at: 2025-09-02T14:30:00Z
                entity: {name: Albion Motors, country: GB}
                done:
                  uk-gdpr-art33: 2025-09-04T09:00:00Z
                  us-ca-1798.82-ag: 2025-09-20T09:00:00+01:00
                """);

        assertThat(((FactsLoad.Loaded) load).facts().done()).containsOnly(
                Map.entry("uk-gdpr-art33", Instant.parse("2025-09-04T09:00:00Z")),
                Map.entry("us-ca-1798.82-ag", Instant.parse("2025-09-20T08:00:00Z")));
    }

    @Test
    void everyMistakeIsReportedWithItsLineAndField() {
        FactsLoad load = FactsReader.read("facts.yaml", """
                aware_at: 2025-09-02 14:30
                entity: {name: Albion Motors, country: England, nis2: critical, sec_registrant: maybe}
                personal_data: {involved: true, categories: [contact, dna]}
                affected: {UK: 120000, DE: -5, US-XX: 3}
                significant_incident: yes please
                done: {gdpr-art99: 2025-09-03T00:00:00Z}
                colour: red
                """);

        assertThat(load).isInstanceOf(FactsLoad.Rejected.class);
        assertThat(((FactsLoad.Rejected) load).problems()).extracting(ModelProblem::toString).containsExactly(
                "facts.yaml:1:11: error: aware_at: malformed instant '2025-09-02 14:30': use ISO-8601 with a zone offset, such as 2025-09-01T06:00:00Z",
                "facts.yaml:2:40: error: entity.country: 'England' is not an ISO 3166 country code such as GB or DE",
                "facts.yaml:2:55: error: entity.nis2: unknown NIS2 classification 'critical': use essential|important|none",
                "facts.yaml:2:81: error: entity.sec_registrant: must be true or false, got 'maybe'",
                "facts.yaml:3:55: error: personal_data.categories[1]: unknown data category 'dna': use a group (contact,"
                        + " identity, government-id, financial, payment-card, credentials, health, biometric, special-category,"
                        + " vehicle, online-identifier) or a breach category id such as email or iban",
                "facts.yaml:4:16: error: affected.UK: use the ISO 3166 code GB for the United Kingdom",
                "facts.yaml:4:28: error: affected.DE: must not be negative, got -5",
                "facts.yaml:4:39: error: affected.US-XX: unknown place 'US-XX': use an ISO 3166 country code (DE) or a US state (US-CA)",
                "facts.yaml:5:23: error: significant_incident: must be true or false, got 'yes please'",
                "facts.yaml:6:20: error: done.gdpr-art99: unknown rule 'gdpr-art99'; rules are listed in docs/obligations.md",
                "facts.yaml:7:1: error: colour: unknown field 'colour'; allowed: aware_at, occurred_at, entity, personal_data,"
                        + " affected, significant_incident, materiality_determined_at, done");
    }

    @Test
    void awarenessAndTheEntityAreRequired() {
        FactsLoad load = FactsReader.read("facts.yaml", "significant_incident: true\n");

        assertThat(((FactsLoad.Rejected) load).problems()).extracting(ModelProblem::message)
                .containsExactly("'aware_at' is required", "'entity' is required");
    }

    @Test
    void aNoticeCannotBeGivenBeforeTheIncidentWasKnown() {
        FactsLoad load = FactsReader.read("facts.yaml", """
                aware_at: 2025-09-02T14:30:00Z
                occurred_at: 2025-09-03T00:00:00Z
                entity: {name: Albion Motors, country: GB}
                done: {uk-gdpr-art33: 2025-09-01T09:00:00Z}
                """);

        assertThat(((FactsLoad.Rejected) load).problems()).extracting(ModelProblem::toString).containsExactly(
                "facts.yaml:2:14: error: occurred_at: is 2025-09-03T00:00:00Z, after aware_at 2025-09-02T14:30:00Z: an incident cannot be known before it happens",
                "facts.yaml:4:23: error: done.uk-gdpr-art33: is 2025-09-01T09:00:00Z, before aware_at 2025-09-02T14:30:00Z");
    }

    @Test
    void aMissingFileOrBrokenYamlIsRejectedWithTheReason() {
        assertThat(((FactsLoad.Rejected) FactsReader.read(Path.of("no/such/facts.yaml"))).problems())
                .extracting(ModelProblem::toString).containsExactly("no/such/facts.yaml: error: no such file");
        assertThat(((FactsLoad.Rejected) FactsReader.read("facts.yaml", "aware_at: [2025")).problems())
                .singleElement().asString().startsWith("facts.yaml:1:16: error: not valid YAML or JSON");
    }
}
