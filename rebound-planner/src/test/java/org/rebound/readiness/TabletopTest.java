package org.rebound.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rebound.model.Enterprise;
import org.rebound.model.Scenario;
import org.rebound.model.demo.DemoEnterprise;
import org.rebound.obligations.IncidentFacts;
import org.rebound.obligations.Obligation;
import org.rebound.planning.Planner;
import org.rebound.planning.PlanOutcome;
import org.rebound.planning.PlanningRequest;
import org.rebound.planning.ProcessOutlook;
import org.rebound.planning.SolveSettings;

class TabletopTest {

    private static final Enterprise ALBION = DemoEnterprise.load();
    private static final Instant MONDAY = Instant.parse("2026-03-02T06:00:00Z");
    private static final Tabletop.Options FAST = new Tabletop.Options(200, 7, 0.5, 5, null);
    private static final IncidentFacts ALBION_STANDING = new IncidentFacts(Instant.parse("2025-09-02T14:30:00Z"), null,
            new IncidentFacts.Entity("Albion Motors", "GB", IncidentFacts.Nis2.IMPORTANT, true, null, null),
            IncidentFacts.PersonalData.none(), Map.of("GB", 120_000L, "DE", 5_000L), true,
            Instant.parse("2025-09-05T18:00:00Z"), Map.of());

    @Test
    void ransomwareOnIdentityAndErpTakesOutTheDirectoryTheErpAndTheDatabasesAndServersItRunsOn() {
        Scenario scenario = ExerciseScenarios.generate(ALBION, ExerciseScenarios.Kind.RANSOMWARE_IDENTITY_ERP, MONDAY).orElseThrow();

        assertThat(scenario.id()).isEqualTo("exercise-ransomware-identity-erp");
        assertThat(scenario.start()).isEqualTo(MONDAY);
        assertThat(scenario.compromised()).contains("ad-core", "pki", "pam", "erp-core", "hana-db")
                .doesNotContain("north-scada", "supplier-network");
        assertThat(scenario.exfiltrated()).isNotEmpty().allSatisfy(system ->
                assertThat(ALBION.system(system).orElseThrow().data()).isNotEmpty());
    }

    @Test
    void anOtIntrusionTakesOutControlSystemsAndASupplierOutageTheSupplierSites() {
        Scenario ot = ExerciseScenarios.generate(ALBION, ExerciseScenarios.Kind.OT_NETWORK, MONDAY).orElseThrow();
        Scenario suppliers = ExerciseScenarios.generate(ALBION, ExerciseScenarios.Kind.SUPPLIER_OUTAGE, MONDAY).orElseThrow();

        assertThat(ot.compromised()).contains("mes-north", "north-scada").doesNotContain("ad-core");
        assertThat(ot.compromised()).allSatisfy(system -> assertThat(ALBION.system(system).orElseThrow().kind().id()).isIn("ot", "mes"));
        assertThat(suppliers.compromised()).contains("supplier-network", "supplier-asn")
                .allSatisfy(system -> assertThat(ALBION.system(system).orElseThrow().site()).isEqualTo("suppliers"));
        assertThat(ot.exfiltrated()).isEmpty();
    }

    @Test
    void aModelWithoutOtHasNoOtScenario() {
        Enterprise officeOnly = new Enterprise("Office only", "GBP", ALBION.sites(), ALBION.teams(),
                ALBION.systems().stream().filter(system -> !Set.of("ot", "mes").contains(system.kind().id())).toList(),
                List.of(), List.of(), List.of());

        assertThat(ExerciseScenarios.generate(officeOnly, ExerciseScenarios.Kind.OT_NETWORK, MONDAY)).isEmpty();
    }

    @Test
    void anExerciseShowsImpactPlanForecastsExpectedLossAndWhereFasterRecoveryPaysMost() {
        Scenario ransomware = ALBION.scenario(DemoEnterprise.SCENARIO).orElseThrow();

        Tabletop.Result result = played(Tabletop.run(ALBION, ransomware, FAST.withFacts(ALBION_STANDING)));

        assertThat(result.impact().processesDown()).isPositive();
        assertThat(result.impact().lossPerHour()).isPositive();
        assertThat(result.plan().activities()).isNotEmpty();
        assertThat(result.outlook()).allSatisfy(process -> assertThat(process.p50()).isBeforeOrEqualTo(process.p90()));
        assertThat(result.expectedLoss().p50()).isLessThanOrEqualTo(result.expectedLoss().p90());
        assertThat(result.expectedLoss().samples()).isEqualTo(200);
        assertThat(result.singlePointsOfFailure()).isNotEmpty();
        assertThat(result.sensitivity()).hasSizeBetween(1, 5).isSortedAccordingTo(
                (a, b) -> Double.compare(b.lossSaved(), a.lossSaved()));
        Tabletop.Speedup best = result.sensitivity().get(0);
        double replanned = totalLoss(Tabletop.withFasterRecovery(ALBION, best.system(), 0.5), ransomware);
        assertThat(result.plan().totalLoss() - replanned).isCloseTo(best.lossSaved(), org.assertj.core.data.Offset.offset(0.01));
        assertThat(result.duties()).extracting(Obligation::rule).contains("gdpr-art33", "uk-gdpr-art33", "nis2-early-warning",
                "sec-8k-1.05");
        assertThat(result.duties()).filteredOn(duty -> duty.rule().equals("nis2-early-warning")).singleElement()
                .satisfies(duty -> assertThat(duty.deadline()).isEqualTo(ransomware.start().plus(Duration.ofHours(24))));
        assertThat(result.notes()).anySatisfy(note -> assertThat(note).startsWith("personal data taken as the data the exfiltrated systems hold"));
    }

    @Test
    void theSameExerciseGivesTheSameAnswer() {
        Scenario ransomware = ALBION.scenario(DemoEnterprise.SCENARIO).orElseThrow();

        Tabletop.Result first = played(Tabletop.run(ALBION, ransomware, FAST));
        Tabletop.Result second = played(Tabletop.run(ALBION, ransomware, FAST));

        assertThat(second.expectedLoss()).isEqualTo(first.expectedLoss());
        assertThat(second.sensitivity()).isEqualTo(first.sensitivity());
        assertThat(second.outlook()).extracting(ProcessOutlook::p90).isEqualTo(first.outlook().stream().map(ProcessOutlook::p90).toList());
        assertThat(first.notes()).containsExactly("notification duties left out: give the organisation's facts to see which would trigger");
    }

    @Test
    void anOfflineBackupOfActiveDirectoryThatRestoresFourTimesFasterIsWorthItsExpectedSaving() {
        Scenario ransomware = ALBION.scenario(DemoEnterprise.SCENARIO).orElseThrow();
        Enterprise withVault = Tabletop.withFasterRecovery(ALBION, "ad-core", 0.25);

        Tabletop.Comparison comparison = played(Tabletop.compare("as is", ALBION, "with an offline AD vault", withVault, ransomware, FAST));

        assertThat(comparison.second().expectedLoss().mean()).isLessThan(comparison.first().expectedLoss().mean());
        assertThat(comparison.expectedSaving()).isPositive();
        assertThat(comparison.second().allBack()).isBeforeOrEqualTo(comparison.first().allBack());
    }

    @Test
    void aVariantMissingAScenarioSystemIsRefusedWithItsName() {
        Scenario scenario = new Scenario("custom", MONDAY, List.of("ad-core", "mainframe-9"), List.of());

        Tabletop.Outcome<Tabletop.Comparison> outcome = Tabletop.compare("a", ALBION, "b", ALBION, scenario, FAST);

        assertThat(outcome).isInstanceOf(Tabletop.Outcome.Refused.class);
        assertThat(((Tabletop.Outcome.Refused<Tabletop.Comparison>) outcome).reasons()).containsExactly(
                "a has no system mainframe-9", "b has no system mainframe-9");
    }

    private static double totalLoss(Enterprise enterprise, Scenario scenario) {
        PlanOutcome outcome = Planner.heuristic().plan(PlanningRequest.atStart(enterprise, scenario), SolveSettings.defaults());
        return ((PlanOutcome.Planned) outcome).plan().totalLoss();
    }

    private static <T> T played(Tabletop.Outcome<T> outcome) {
        assertThat(outcome).isInstanceOf(Tabletop.Outcome.Played.class);
        return ((Tabletop.Outcome.Played<T>) outcome).result();
    }
}
