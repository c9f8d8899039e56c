package org.rebound.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rebound.impact.SinglePointsOfFailure.SinglePointOfFailure;

class SinglePointsOfFailureTest {

    @Test
    void listsTheSystemsWhoseLossAloneStopsAProcessCostliestFirst() {
        List<SinglePointOfFailure> found = SinglePointsOfFailure.find(ImpactModel.of(Fixtures.smallPlant()));

        assertThat(found).extracting(SinglePointOfFailure::system)
                .containsExactly("ad-core", "erp-core", "net-core", "mes-north");
        assertThat(found.get(0).processes()).containsExactlyInAnyOrder("vehicle-production-north", "supplier-payments");
        assertThat(found.get(0).costPerHour()).isEqualTo(1_260_000);
        assertThat(found.get(3).processes()).containsExactly("vehicle-production-north");
    }

    @Test
    void redundantSystemsAreNotSinglePointsOfFailure() {
        List<String> systems = SinglePointsOfFailure.find(ImpactModel.of(Fixtures.smallPlant())).stream()
                .map(SinglePointOfFailure::system).toList();

        assertThat(systems).doesNotContain("line-1", "line-2", "line-3", "wms-gplc", "wms-fallback", "crm");
    }
}
