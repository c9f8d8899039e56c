package org.rebound.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.rebound.model.Enterprise;
import org.rebound.model.SystemState;

/**
 * The small plant under its ransomware scenario: AD and ERP compromised at 06:00 on 1 September.
 * Production (£1,250,000/h, no workaround) and supplier payments (£10,000/h; workaround after 24 h at
 * 30% capacity for £2,000/h, so £9,000/h degraded) both need the ERP.
 */
class ImpactTrackerTest {

    private static final Instant START = Instant.parse("2025-09-01T06:00:00Z");

    private final Enterprise plant = Fixtures.smallPlant();
    private final ImpactTracker tracker = ImpactTracker.forScenario(ImpactModel.of(plant), plant.scenario("ransomware").orElseThrow());

    @Test
    void aProcessWithoutAWorkaroundStaysDownAtItsFullCost() {
        ImpactReport report = tracker.reportAt(hours(30));

        ProcessImpact production = process(report, "vehicle-production-north");
        assertThat(production.state()).isEqualTo(ProcessState.DOWN);
        assertThat(production.lossPerHour()).isEqualTo(1_250_000);
        assertThat(production.cumulativeLoss()).isCloseTo(30 * 1_250_000, within(0.01));
        assertThat(production.since()).isEqualTo(START);
        assertThat(production.unavailableRequirements()).as("the standby WMS covers the warehouse").containsExactly("erp-core");
    }

    @Test
    void aProcessIsDownUntilItsWorkaroundLeadTimeHasPassedThenDegraded() {
        assertThat(process(tracker.reportAt(hours(10)), "supplier-payments").state()).isEqualTo(ProcessState.DOWN);
        assertThat(process(tracker.reportAt(hours(10)), "supplier-payments").lossPerHour()).isEqualTo(10_000);

        ProcessImpact degraded = process(tracker.reportAt(hours(30)), "supplier-payments");
        assertThat(degraded.state()).isEqualTo(ProcessState.DEGRADED);
        assertThat(degraded.lossPerHour()).isCloseTo(10_000 * 0.7 + 2_000, within(1e-9));
        assertThat(degraded.cumulativeLoss()).isCloseTo(24 * 10_000 + 6 * 9_000, within(0.01));
    }

    @Test
    void totalsAreTheSumsOverProcesses() {
        ImpactReport report = tracker.reportAt(hours(30));

        assertThat(report.lossPerHour()).isCloseTo(1_250_000 + 9_000, within(1e-6));
        assertThat(report.cumulativeLoss()).isCloseTo(30 * 1_250_000 + 294_000, within(0.01));
        assertThat(report.count(ProcessState.DOWN)).isEqualTo(1);
        assertThat(report.count(ProcessState.DEGRADED)).isEqualTo(1);
    }

    @Test
    void aBacklogGrowsByItsInflowWhileDownAndByTheMissingCapacityWhileDegraded() {
        assertThat(tracker.backlogLevel("supplier-payments", hours(24))).isCloseTo(24 * 400, within(1e-6));
        assertThat(tracker.backlogLevel("supplier-payments", hours(30))).isCloseTo(24 * 400 + 6 * 400 * 0.7, within(1e-6));
    }

    @Test
    void aBacklogShrinksByItsNetClearanceOnceTheProcessIsUpButNeverBelowZero() {
        tracker.apply(new StateChange(hours(30), "ad-core", SystemState.RESTORED));
        tracker.apply(new StateChange(hours(30), "erp-core", SystemState.RESTORED));

        assertThat(tracker.backlogLevel("supplier-payments", hours(40))).isCloseTo(11_280 - 10 * 250, within(1e-6));
        assertThat(tracker.backlogLevel("supplier-payments", hours(100))).isZero();
        BacklogStatus status = tracker.reportAt(hours(40)).backlogs().get(0);
        assertThat(status.clearsAt()).as("8,780 invoices at 250/h net").isEqualTo(hours(40).plusSeconds(Math.round(8_780 / 250.0 * 3600)));
    }

    @Test
    void lossStopsAccruingWhenAProcessComesBackAndRestartsItsLeadTimeWhenItGoesDownAgain() {
        tracker.apply(new StateChange(hours(30), "ad-core", SystemState.RESTORED));
        tracker.apply(new StateChange(hours(30), "erp-core", SystemState.RESTORED));
        tracker.apply(new StateChange(hours(50), "erp-core", SystemState.ISOLATED));

        assertThat(tracker.stateAt("supplier-payments", hours(40))).isEqualTo(ProcessState.UP);
        assertThat(tracker.stateAt("supplier-payments", hours(60))).as("a new outage starts its lead time again").isEqualTo(ProcessState.DOWN);
        assertThat(tracker.stateAt("supplier-payments", hours(75))).isEqualTo(ProcessState.DEGRADED);
        assertThat(tracker.outages("supplier-payments")).containsExactly(new Outage(START, hours(30)), new Outage(hours(50), null));
        ImpactReport report = tracker.reportAt(hours(60));
        assertThat(process(report, "vehicle-production-north").cumulativeLoss()).isCloseTo(40 * 1_250_000, within(0.01));
        assertThat(process(report, "supplier-payments").since()).isEqualTo(hours(50));
    }

    @Test
    void nothingIsLostBeforeTheStartAndTheReportAtTheStartIsZero() {
        assertThat(tracker.lossBetween(START.minusSeconds(86_400), START)).isZero();
        assertThat(tracker.reportAt(START).cumulativeLoss()).isZero();
        assertThat(tracker.reportAt(START).lossPerHour()).isEqualTo(1_260_000);
    }

    @Test
    void refusesChangesOutOfOrderAndReportsThatPredateTheLatestChange() {
        tracker.apply(new StateChange(hours(30), "ad-core", SystemState.RESTORED));

        assertThatIllegalArgumentException().isThrownBy(() -> tracker.apply(new StateChange(hours(29), "erp-core", SystemState.RESTORED)))
                .withMessageContaining("earlier than the latest applied");
        assertThatIllegalArgumentException().isThrownBy(() -> tracker.reportAt(hours(29)));
    }

    @Test
    void replayingChangesGivenOutOfOrderSortsThemByTime() {
        ImpactTracker replayed = ImpactTracker.replay(ImpactModel.of(plant), START, java.util.List.of(
                new StateChange(hours(30), "erp-core", SystemState.RESTORED),
                new StateChange(START, "erp-core", SystemState.COMPROMISED)));

        assertThat(replayed.outages("supplier-payments")).containsExactly(new Outage(START, hours(30)));
    }

    private static Instant hours(long hours) {
        return START.plusSeconds(hours * 3600);
    }

    private static ProcessImpact process(ImpactReport report, String id) {
        return report.processes().stream().filter(process -> process.id().equals(id)).findFirst().orElseThrow();
    }
}
