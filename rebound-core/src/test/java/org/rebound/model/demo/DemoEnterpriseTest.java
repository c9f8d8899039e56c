package org.rebound.model.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rebound.impact.ImpactModel;
import org.rebound.impact.ImpactReport;
import org.rebound.impact.ImpactTracker;
import org.rebound.impact.ProcessImpact;
import org.rebound.impact.ProcessState;
import org.rebound.model.Backlog;
import org.rebound.model.Enterprise;
import org.rebound.model.Site;
import org.rebound.model.SiteKind;
import org.rebound.model.SystemKind;
import org.rebound.model.io.ModelLoad;
import org.rebound.model.io.ModelReader;

class DemoEnterpriseTest {

    private final Enterprise albion = DemoEnterprise.load();

    @Test
    void theShippedModelLoadsWithoutWarnings() {
        ModelLoad load = ModelReader.read(DemoEnterprise.SOURCE, DemoEnterprise.yaml());

        assertThat(load).isInstanceOf(ModelLoad.Loaded.class);
        assertThat(load.problems()).isEmpty();
    }

    @Test
    void modelsACarMakerWithItsPlantsPartsCentreFinanceDealersAndSuppliers() {
        assertThat(albion.sites()).filteredOn(site -> site.kind() == SiteKind.PLANT).extracting(Site::id)
                .contains("plant-north", "plant-midlands", "plant-east", "engine-plant");
        assertThat(albion.sites()).extracting(Site::kind).contains(SiteKind.LOGISTICS, SiteKind.DEALER, SiteKind.SUPPLIER);
        assertThat(albion.systems()).hasSizeGreaterThanOrEqualTo(150);
        assertThat(albion.systems()).extracting(system -> system.kind())
                .contains(SystemKind.IDENTITY, SystemKind.NETWORK, SystemKind.ERP, SystemKind.MES, SystemKind.OT,
                        SystemKind.WMS, SystemKind.BACKUP, SystemKind.SAAS, SystemKind.ENDPOINT);
        assertThat(albion.processes()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(albion.processes()).filteredOn(process -> process.workaround() != null).hasSizeGreaterThanOrEqualTo(6);
        assertThat(albion.backlogs()).extracting(Backlog::id)
                .contains("supplier-payments", "parts-orders", "wholesale-vehicle-orders");
        assertThat(albion.system("crm").orElseThrow().data()).contains("customer-pii");
    }

    @Test
    void theRansomwareScenarioStopsEveryPlantAndThePartsCentre() {
        ImpactTracker tracker = ImpactTracker.forScenario(ImpactModel.of(albion), albion.scenario(DemoEnterprise.SCENARIO).orElseThrow());
        ImpactReport firstDay = tracker.reportAt(tracker.start().plusSeconds(6 * 3600));

        assertThat(firstDay.processes()).filteredOn(process -> process.id().startsWith("vehicle-production") || process.id().equals("engine-production"))
                .hasSize(4)
                .allMatch(process -> process.state() == ProcessState.DOWN);
        assertThat(state(firstDay, "parts-distribution")).isEqualTo(ProcessState.DOWN);
        assertThat(firstDay.lossPerHour() * 24).as("loss per day").isGreaterThan(10_000_000);
        assertThat(albion.scenario(DemoEnterprise.SCENARIO).orElseThrow().exfiltrated()).contains("crm");
    }

    private static ProcessState state(ImpactReport report, String process) {
        return report.processes().stream().filter(impact -> impact.id().equals(process))
                .map(ProcessImpact::state).findFirst().orElseThrow();
    }
}
