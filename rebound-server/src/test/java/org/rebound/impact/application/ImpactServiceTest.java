package org.rebound.impact.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rebound.audit.AuditLog;
import org.rebound.impact.ProcessImpact;
import org.rebound.impact.ProcessState;
import org.rebound.impact.persistence.ScenarioActivations;
import org.rebound.impact.persistence.StateEventStore;
import org.rebound.model.SystemState;
import org.rebound.model.application.ImportOutcome;
import org.rebound.model.application.ModelImports;
import org.rebound.model.persistence.ModelStore;
import org.rebound.storage.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A plant whose production (£100,000/h) needs the MES, which needs Active Directory; payments
 * (£10,000/h, workaround after 24 h at half capacity for £1,000/h) need the ERP, which needs AD too.
 */
class ImpactServiceTest {

    static final String PLANT = """
            enterprise: Test Motors
            currency: GBP
            systems:
              - {id: ad-core, kind: identity}
              - {id: mes, kind: mes, depends_on: [ad-core]}
              - {id: erp, kind: erp, depends_on: [ad-core]}
            processes:
              - {id: production, cost_per_hour: 100000, requires: {all: [mes]}}
              - id: payments
                cost_per_hour: 10000
                requires: {all: [erp]}
                workaround: {capacity: 0.5, lead_time: 24h, cost_per_hour: 1000}
            backlogs:
              - {id: invoices, process: payments, inflow_per_hour: 100, clear_per_hour: 300}
            scenarios:
              - {id: ransomware, start: 2025-09-01T06:00:00Z, compromised: [ad-core]}
            """;
    static final Instant START = Instant.parse("2025-09-01T06:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final List<ImpactChanged> published = new ArrayList<>();
    private DataSource database;
    private ImpactService service;

    @BeforeEach
    void openService() {
        database = TestDatabases.freshH2();
        service = serviceOn(database);
    }

    private ImpactService serviceOn(DataSource dataSource) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        ModelStore models = new ModelStore(jdbc);
        AuditLog audit = new AuditLog(jdbc);
        return new ImpactService(models, new ModelImports(models, audit, transactions, clock), new StateEventStore(jdbc),
                new ScenarioActivations(jdbc), audit, transactions, clock, published::add);
    }

    @Test
    void hasNoSituationUntilAModelIsImported() {
        assertThat(service.situation()).isEmpty();

        assertThat(service.importModel(PLANT, "plant.yaml", "alice")).isInstanceOf(ImportOutcome.Imported.class);

        assertThat(service.situation()).hasValueSatisfying(situation -> {
            assertThat(situation.enterprise().name()).isEqualTo("Test Motors");
            assertThat(situation.report().lossPerHour()).isZero();
        });
    }

    @Test
    void importingTheSameModelAgainStoresNothingNew() {
        service.importModel(PLANT, "plant.yaml", "alice");

        assertThat(service.importModel(PLANT, "plant-copy.yaml", "bob")).isInstanceOf(ImportOutcome.Unchanged.class);
        assertThat(new ModelStore(JdbcClient.create(database)).currentVersion()).isEqualTo(1);
    }

    @Test
    void anInvalidModelIsRejectedWithEveryProblemAndChangesNothing() {
        service.importModel(PLANT, "plant.yaml", "alice");
        int auditBefore = audit().size();

        ImportOutcome outcome = service.importModel(PLANT.replace("depends_on: [ad-core]}", "depends_on: [ad-cor]}"), "broken.yaml", "bob");

        assertThat(outcome).isInstanceOfSatisfying(ImportOutcome.Rejected.class, rejected ->
                assertThat(rejected.problems()).extracting(Object::toString).containsExactly(
                        "broken.yaml:5:39: error: systems[mes].depends_on[0]: unknown system 'ad-cor' (did you mean 'ad-core'?)",
                        "broken.yaml:6:39: error: systems[erp].depends_on[0]: unknown system 'ad-cor' (did you mean 'ad-core'?)"));
        assertThat(new ModelStore(JdbcClient.create(database)).currentVersion()).isEqualTo(1);
        assertThat(audit()).hasSize(auditBefore);
        assertThat(service.situation().orElseThrow().model().source()).isEqualTo("plant.yaml");
    }

    @Test
    void startingTheScenarioTakesItsCompromisedSystemsDownFromItsStart() {
        service.importModel(PLANT, "plant.yaml", "alice");
        service.startScenario("ransomware", START, "alice");
        clock.advance(Duration.ofHours(30));

        Situation situation = service.situation().orElseThrow();

        assertThat(process(situation, "production").state()).isEqualTo(ProcessState.DOWN);
        assertThat(process(situation, "payments").state()).isEqualTo(ProcessState.DEGRADED);
        assertThat(situation.report().cumulativeLoss()).isCloseTo(30 * 100_000 + 24 * 10_000 + 6 * 6_000, within(0.01));
        assertThat(situation.systems()).filteredOn(system -> !system.available()).extracting(SystemStatus::id)
                .containsExactly("ad-core", "mes", "erp");
        assertThat(situation.systems()).filteredOn(system -> system.id().equals("erp")).singleElement()
                .satisfies(erp -> assertThat(erp.rootCauses()).containsExactly("ad-core"));
        assertThat(situation.incident().scenario()).isEqualTo("ransomware");
    }

    @Test
    void aRecordedStateChangeUpdatesTheImpactAndIsAuditedAndAnnounced() {
        service.importModel(PLANT, "plant.yaml", "alice");
        service.startScenario("ransomware", START, "alice");
        clock.advance(Duration.ofHours(10));
        published.clear();

        StateChangeOutcome outcome = service.changeState("ad-core", SystemState.RESTORED, "rebuilt from the vault", "bob", null);

        assertThat(outcome).isInstanceOfSatisfying(StateChangeOutcome.Applied.class, applied -> {
            assertThat(applied.change().systems()).containsExactly("ad-core", "mes", "erp");
            assertThat(applied.change().processes()).containsExactlyInAnyOrder("production", "payments");
            assertThat(applied.event().actor()).isEqualTo("bob");
        });
        clock.advance(Duration.ofHours(2));
        Situation situation = service.situation().orElseThrow();
        assertThat(situation.report().lossPerHour()).isZero();
        assertThat(situation.report().cumulativeLoss()).isCloseTo(10 * 110_000, within(0.01));
        assertThat(situation.report().backlogs().get(0).level()).isCloseTo(1_000 - 2 * 200, within(1e-6));
        assertThat(audit().get(0).detail()).isEqualTo("compromised -> restored at " + START.plus(Duration.ofHours(10)) + ": rebuilt from the vault");
        assertThat(published).extracting(ImpactChanged::cause).containsExactly("system ad-core restored");
    }

    @Test
    void refusesAChangeWithoutAReasonInTheFutureOrForAnUnknownSystemAndRecordsNothing() {
        service.importModel(PLANT, "plant.yaml", "alice");
        int auditBefore = audit().size();

        assertThat(service.changeState("ad-core", SystemState.ISOLATED, "   ", "bob", null))
                .isEqualTo(new StateChangeOutcome.Rejected("reason", "say why the state changed; the reason goes in the incident log"));
        assertThat(service.changeState("ad-core", SystemState.ISOLATED, "precaution", "bob", START.plus(Duration.ofDays(1))))
                .isInstanceOf(StateChangeOutcome.Rejected.class);
        assertThat(service.changeState("mainframe", SystemState.ISOLATED, "precaution", "bob", null))
                .isEqualTo(new StateChangeOutcome.UnknownSystem("mainframe"));
        assertThat(new StateEventStore(JdbcClient.create(database)).all()).isEmpty();
        assertThat(audit()).hasSize(auditBefore);
    }

    @Test
    void aBackDatedChangeIsPlacedInOrderAndTheLossRecomputed() {
        service.importModel(PLANT, "plant.yaml", "alice");
        service.startScenario("ransomware", START, "alice");
        clock.advance(Duration.ofHours(5));
        service.changeState("mes", SystemState.ISOLATED, "unplugged", "bob", null);

        service.changeState("ad-core", SystemState.RESTORED, "was actually back at 02:00 in", "bob", START.plus(Duration.ofHours(2)));

        Situation situation = service.situation().orElseThrow();
        assertThat(process(situation, "payments").cumulativeLoss()).isCloseTo(2 * 10_000, within(0.01));
        assertThat(process(situation, "production").cumulativeLoss()).as("down until AD was back at 2h, then again from 5h").isCloseTo(2 * 100_000, within(0.01));
        assertThat(process(situation, "production").since()).as("down again since the MES was unplugged").isEqualTo(START.plus(Duration.ofHours(5)));
    }

    @Test
    void noticesChangesAnotherReboundProcessMadeToTheSameDatabase() {
        service.importModel(PLANT, "plant.yaml", "alice");
        ImpactService other = serviceOn(database);
        other.changeState("erp", SystemState.ISOLATED, "pulled the plug", "carol", null);

        assertThat(service.refreshIfChanged()).isTrue();
        assertThat(service.refreshIfChanged()).isFalse();
        assertThat(process(service.situation().orElseThrow(), "payments").state()).isEqualTo(ProcessState.DOWN);
    }

    @Test
    void theSeriesRunsFromTheIncidentStartToNowWithLossNeverFalling() {
        service.importModel(PLANT, "plant.yaml", "alice");
        service.startScenario("ransomware", START, "alice");
        clock.advance(Duration.ofHours(48));

        List<SeriesPoint> series = service.series(25);

        assertThat(series).hasSize(25);
        assertThat(series.get(0).at()).isEqualTo(START);
        assertThat(series.get(24).at()).isEqualTo(START.plus(Duration.ofHours(48)));
        assertThat(series.get(24).cumulativeLoss()).isCloseTo(service.situation().orElseThrow().report().cumulativeLoss(), within(0.01));
        for (int i = 1; i < series.size(); i++) {
            assertThat(series.get(i).cumulativeLoss()).isGreaterThanOrEqualTo(series.get(i - 1).cumulativeLoss());
        }
        assertThat(series.get(12).backlogs()).containsEntry("invoices", 2_400.0);
    }

    private List<AuditLog.Entry> audit() {
        return new AuditLog(JdbcClient.create(database)).latest(100);
    }

    private static ProcessImpact process(Situation situation, String id) {
        return situation.report().processes().stream().filter(process -> process.id().equals(id)).findFirst().orElseThrow();
    }
}
