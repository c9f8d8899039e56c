package org.rebound.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rebound.model.SystemState;

class LiveImpactTest {

    private final ImpactModel plant = ImpactModel.of(Fixtures.smallPlant());
    private final LiveImpact live = LiveImpact.allOperational(plant);

    @Test
    void aSystemIsUnavailableWhileAnyHardDependencyIsDown() {
        live.set("net-core", SystemState.COMPROMISED);

        assertThat(live.availability().unavailableSystems())
                .containsExactly("net-core", "ad-core", "erp-core", "mes-north", "wms-gplc", "line-1", "line-2", "line-3");
        assertThat(live.isAvailable("wms-fallback")).isTrue();
        assertThat(live.isAvailable("crm")).isTrue();
    }

    @Test
    void aSystemComesBackWhenItsLastUnavailableDependencyDoes() {
        live.set("net-core", SystemState.ISOLATED);
        live.set("ad-core", SystemState.COMPROMISED);

        live.set("net-core", SystemState.RESTORED);
        assertThat(live.isAvailable("erp-core")).isFalse();

        live.set("ad-core", SystemState.VERIFIED);
        assertThat(live.isAvailable("erp-core")).isTrue();
    }

    @Test
    void suspectedRestoredAndVerifiedSystemsRunWhileIsolatedAndRecoveringOnesDoNot() {
        assertThat(SystemState.SUSPECTED.isOperable()).isTrue();
        assertThat(SystemState.RESTORED.isOperable()).isTrue();
        assertThat(SystemState.VERIFIED.isOperable()).isTrue();

        live.set("erp-core", SystemState.SUSPECTED);
        assertThat(live.isAvailable("erp-core")).isTrue();
        live.set("erp-core", SystemState.RECOVERING);
        assertThat(live.isAvailable("erp-core")).isFalse();
        live.set("crm", SystemState.ISOLATED);
        assertThat(live.isAvailable("crm")).isFalse();
    }

    @Test
    void aProcessNeedsAtLeastOneSystemOfEachAnyGroup() {
        live.set("wms-gplc", SystemState.COMPROMISED);
        assertThat(live.isUp("vehicle-production-north")).as("standby WMS carries on").isTrue();

        live.set("wms-fallback", SystemState.ISOLATED);
        assertThat(live.isUp("vehicle-production-north")).isFalse();
        assertThat(live.unavailableRequirements("vehicle-production-north")).containsExactly("wms-gplc", "wms-fallback");
    }

    @Test
    void aProcessWaitsOnlyOnRequirementsThatAreNotMet() {
        live.set("wms-gplc", SystemState.COMPROMISED);
        live.set("line-1", SystemState.COMPROMISED);
        assertThat(live.unavailableRequirements("vehicle-production-north")).as("standby WMS and two lines carry on").isEmpty();

        live.set("erp-core", SystemState.ISOLATED);
        assertThat(live.unavailableRequirements("vehicle-production-north")).containsExactly("erp-core");
    }

    @Test
    void aProcessNeedsKOfItsRedundantSystems() {
        live.set("line-1", SystemState.COMPROMISED);
        assertThat(live.isUp("vehicle-production-north")).as("2 of 3 lines left").isTrue();

        AvailabilityChange secondLine = live.set("line-3", SystemState.COMPROMISED);
        assertThat(live.isUp("vehicle-production-north")).isFalse();
        assertThat(secondLine.processes()).containsExactly("vehicle-production-north");
    }

    @Test
    void reportsWhatEachChangeFlipped() {
        AvailabilityChange down = live.set("ad-core", SystemState.COMPROMISED);

        assertThat(down.systems()).containsExactly("ad-core", "erp-core", "wms-gplc");
        assertThat(down.processes()).containsExactlyInAnyOrder("vehicle-production-north", "supplier-payments");
        assertThat(live.set("ad-core", SystemState.ISOLATED)).as("still out of action").isEqualTo(AvailabilityChange.NONE);
        assertThat(live.set("ad-core", SystemState.RESTORED).processes())
                .containsExactlyInAnyOrder("vehicle-production-north", "supplier-payments");
    }

    @Test
    void tracesAnUnavailableSystemToTheSystemsOutOfActionBehindIt() {
        live.set("net-core", SystemState.COMPROMISED);
        live.set("erp-core", SystemState.ISOLATED);

        assertThat(live.rootCauses("erp-core")).containsExactly(
                List.of("erp-core"),
                List.of("erp-core", "ad-core", "net-core"));
        assertThat(live.rootCauses("line-2")).containsExactly(List.of("line-2", "mes-north", "net-core"));
        assertThat(live.rootCauses("crm")).isEmpty();
    }

    @Test
    void refusesAnUnknownSystem() {
        assertThatIllegalArgumentException().isThrownBy(() -> live.set("mainframe", SystemState.COMPROMISED))
                .withMessageContaining("unknown system 'mainframe'");
    }
}
