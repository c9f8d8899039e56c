package org.rebound.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AttackCatalogueTest {

    private final AttackCatalogue attack = AttackCatalogue.enterprise();

    @Test
    void theCatalogueHoldsEveryEnterpriseTacticAndTechnique() {
        assertThat(attack.tactics()).hasSize(14).first().extracting(AttackCatalogue.Tactic::name).isEqualTo("Initial Access");
        assertThat(attack.size()).isEqualTo(691);
        assertThat(attack.technique("t1566.004")).hasValueSatisfying(technique -> {
            assertThat(technique.name()).isEqualTo("Spearphishing Voice");
            assertThat(technique.subtechnique()).isTrue();
            assertThat(technique.parentId()).isEqualTo("T1566");
        });
        assertThat(attack.technique("T9999")).isEmpty();
    }

    @Test
    void searchFindsTechniquesByIdPrefixBeforeName() {
        assertThat(attack.search("T1486", 5)).extracting(AttackCatalogue.Technique::name).containsExactly("Data Encrypted for Impact");
        assertThat(attack.search("phishing", 50)).extracting(AttackCatalogue.Technique::id).contains("T1566", "T1566.004");
    }

    @Test
    void scatteredSpiderCoverageMarksWhatTheIncidentHasSeenAndCountsASubTechniqueForItsParent() {
        AttackCatalogue.Group spider = attack.group("G1015").orElseThrow();

        var rows = attack.coverage(spider, Set.of("T1486", "T1003.003", "T1566.004"));

        assertThat(spider.name()).isEqualTo("Scattered Spider");
        assertThat(spider.aliases()).contains("Octo Tempest", "UNC3944");
        assertThat(rows).hasSize(spider.techniques().size());
        assertThat(rows).filteredOn(AttackCatalogue.CoverageRow::observed).extracting(row -> row.technique().id())
                .contains("T1486", "T1003.003")
                .doesNotContain("T1003.001");
        assertThat(rows.get(0).technique().tactics()).containsAnyOf("reconnaissance", "resource-development", "initial-access");
        assertThat(rows).filteredOn(row -> !row.observed()).isNotEmpty();
    }

    @Test
    void theGroupProfilesNameTheMalwareAndToolsTheGroupsUse() {
        assertThat(attack.software("s1068")).hasValueSatisfying(software -> {
            assertThat(software.name()).isEqualTo("BlackCat");
            assertThat(software.malware()).isTrue();
        });
        assertThat(attack.software("S1040")).hasValueSatisfying(software -> assertThat(software.malware()).isFalse());
        assertThat(attack.software("S9999")).isEmpty();
    }
}
