package org.rebound.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rebound.model.Enterprise;
import org.rebound.model.EnterpriseSystem;
import org.rebound.model.Estimate;
import org.rebound.model.Shift;
import org.rebound.model.SystemKind;
import org.rebound.model.Workaround;

class ModelReaderTest {

    private static final Path MODELS = Path.of("src/test/resources/models");

    @Test
    void readsEveryPartOfAModelFile() {
        Enterprise enterprise = loaded(ModelReader.read(MODELS.resolve("small-plant.yaml")));

        assertThat(enterprise.name()).isEqualTo("Albion Motors");
        assertThat(enterprise.currency()).isEqualTo("GBP");
        assertThat(enterprise.sites()).hasSize(3);
        assertThat(enterprise.teams().get(0).skills()).containsExactly("identity", "windows");
        EnterpriseSystem ad = enterprise.system("ad-core").orElseThrow();
        assertThat(ad.kind()).isEqualTo(SystemKind.IDENTITY);
        assertThat(ad.dependsOn()).containsExactly("net-core");
        assertThat(ad.data()).containsExactly("employee-pii");
        assertThat(ad.recovery().restore()).isEqualTo(Estimate.exactly(Duration.ofHours(24)));
        assertThat(enterprise.system("erp-core").orElseThrow().recovery().restore())
                .isEqualTo(new Estimate(Duration.ofHours(12), Duration.ofHours(24), Duration.ofHours(72)));
        var production = enterprise.process("vehicle-production-north").orElseThrow();
        assertThat(production.costPerHour()).isEqualTo(1_250_000);
        assertThat(production.requires().any()).containsExactly(List.of("wms-gplc", "wms-fallback"));
        assertThat(production.requires().kOf().get(0).k()).isEqualTo(2);
        assertThat(enterprise.process("supplier-payments").orElseThrow().workaround())
                .isEqualTo(new Workaround(0.3, Duration.ofHours(24), 2000));
        assertThat(enterprise.backlogs().get(0).clearPerHour()).isEqualTo(650);
        assertThat(enterprise.scenario("ransomware").orElseThrow().start()).isEqualTo(Instant.parse("2025-09-01T06:00:00Z"));
        assertThat(enterprise.system("crm").orElseThrow().site()).isNull();
        assertThat(ad.recovery().crew()).isEqualTo(2);
        assertThat(enterprise.teams().get(2).shift())
                .isEqualTo(new Shift(LocalTime.of(6, 0), 12, ZoneId.of("Europe/London")));
        assertThat(enterprise.teams().get(0).shift()).as("works around the clock").isNull();
    }

    @Test
    void rejectsMalformedShifts() {
        ModelLoad load = ModelReader.read("plant.yaml", """
                enterprise: Albion Motors
                currency: GBP
                teams:
                  - {id: ot, skills: [ot], members: 2, shift: {start: 7am, hours: 30, zone: Mars/Olympus}}
                """);

        assertThat(messages(load)).containsExactly(
                "plant.yaml:4:55: error: teams[ot].shift.start: malformed time of day '7am': use HH:MM, such as 07:00",
                "plant.yaml:4:67: error: teams[ot].shift.hours: a shift lasts 1 to 24 hours, got 30",
                "plant.yaml:4:77: error: teams[ot].shift.zone: unknown time zone 'Mars/Olympus': use a region such as Europe/London, or UTC");
    }

    @Test
    void rejectsACrewLargerThanEveryTeamWithTheSkill() {
        ModelLoad load = ModelReader.read("plant.yaml", """
                enterprise: Albion Motors
                currency: GBP
                teams: [{id: it, skills: [identity], members: 2}]
                systems:
                  - {id: ad-core, skill: identity, recovery: {restore: 24h, crew: 3}}
                """);

        assertThat(messages(load)).containsExactly(
                "plant.yaml:5:67: error: systems[ad-core].recovery.crew: needs a crew of 3 but the largest team with the skill 'identity' has 2 members");
    }

    @Test
    void readsTheSameStructureWrittenAsJson() {
        Enterprise enterprise = loaded(ModelReader.read(MODELS.resolve("small-plant.json")));

        assertThat(enterprise.system("ad-core").orElseThrow().dependsOn()).containsExactly("net-core");
        assertThat(enterprise.process("staff-email").orElseThrow().costPerHour()).isEqualTo(1500.5);
        assertThat(enterprise.process("staff-email").orElseThrow().workaround().leadTime()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void rejectsUnknownReferencesNamingFileLineAndField() {
        ModelLoad load = ModelReader.read("plant.yaml", """
                enterprise: Albion Motors
                currency: GBP
                sites: [{id: hq, name: HQ}]
                systems:
                  - id: ad-core
                    site: hq
                    depends_on: [net-cor]
                processes:
                  - id: payments
                    cost_per_hour: 10
                    requires: {all: [ad-core, erp]}
                """);

        assertThat(messages(load)).containsExactly(
                "plant.yaml:7:18: error: systems[ad-core].depends_on[0]: unknown system 'net-cor'",
                "plant.yaml:11:31: error: processes[payments].requires.all[1]: unknown system 'erp'");
    }

    @Test
    void suggestsTheIdThatWasProbablyMeant() {
        ModelLoad load = ModelReader.read("plant.yaml", """
                enterprise: Albion Motors
                currency: GBP
                systems:
                  - {id: net-core}
                  - {id: ad-core, depends_on: [net-cor]}
                """);

        assertThat(messages(load)).containsExactly(
                "plant.yaml:5:32: error: systems[ad-core].depends_on[0]: unknown system 'net-cor' (did you mean 'net-core'?)");
    }

    @Test
    void rejectsDuplicateIds() {
        ModelLoad load = ModelReader.read("plant.yaml", """
                enterprise: Albion Motors
                currency: GBP
                systems:
                  - {id: ad-core}
                  - {id: erp}
                  - {id: ad-core}
                """);

        assertThat(messages(load)).containsExactly(
                "plant.yaml:6:5: error: systems[ad-core]#3: duplicate id 'ad-core': systems already has an entry with this id");
    }

    @Test
    void rejectsADependencyCycleAndPrintsTheCycle() {
        ModelLoad load = ModelReader.read("plant.yaml", """
                enterprise: Albion Motors
                currency: GBP
                systems:
                  - {id: net-core, depends_on: [dns]}
                  - {id: dns, depends_on: [ad-core]}
                  - {id: ad-core, depends_on: [net-core]}
                  - {id: erp, depends_on: [ad-core]}
                """);

        assertThat(messages(load)).containsExactly(
                "plant.yaml:4:32: error: systems[net-core].depends_on: dependency cycle: net-core -> dns -> ad-core -> net-core");
    }

    @Test
    void rejectsNegativeAndMalformedDurations() {
        ModelLoad load = ModelReader.read("plant.yaml", """
                enterprise: Albion Motors
                currency: GBP
                systems:
                  - id: ad-core
                    recovery: {triage: -8h, restore: 24 hours}
                """);

        assertThat(messages(load)).containsExactly(
                "plant.yaml:5:24: error: systems[ad-core].recovery.triage: negative duration '-8h': use whole numbers with units d, h, m, s, such as 8h, 2d, 30m or 1d12h",
                "plant.yaml:5:38: error: systems[ad-core].recovery.restore: malformed duration '24 hours': use whole numbers with units d, h, m, s, such as 8h, 2d, 30m or 1d12h");
    }

    @Test
    void rejectsAThreePointEstimateOutOfOrder() {
        ModelLoad load = ModelReader.read("plant.yaml", """
                enterprise: Albion Motors
                currency: GBP
                systems:
                  - id: erp
                    recovery: {restore: {min: 24h, likely: 12h, max: 72h}}
                """);

        assertThat(messages(load)).containsExactly(
                "plant.yaml:5:25: error: systems[erp].recovery.restore: estimate must satisfy min <= likely <= max, got 1d, 12h, 3d");
    }

    @Test
    void rejectsAKLargerThanItsList() {
        ModelLoad load = ModelReader.read("plant.yaml", """
                enterprise: Albion Motors
                currency: GBP
                systems: [{id: line-1}, {id: line-2}]
                processes:
                  - id: production
                    cost_per_hour: 1000
                    requires:
                      k_of: [{k: 3, of: [line-1, line-2]}]
                """);

        assertThat(messages(load)).containsExactly(
                "plant.yaml:8:18: error: processes[production].requires.k_of[0].k: k must be between 1 and the 2 systems listed under 'of', got 3");
    }

    @Test
    void rejectsAScenarioNamingUnknownSystems() {
        ModelLoad load = ModelReader.read("plant.yaml", """
                enterprise: Albion Motors
                currency: GBP
                systems: [{id: ad-core}]
                scenarios:
                  - id: ransomware
                    start: 2025-09-01T06:00:00Z
                    compromised: [ad-core, erp-core]
                    exfiltrated: [crm]
                """);

        assertThat(messages(load)).containsExactly(
                "plant.yaml:7:28: error: scenarios[ransomware].compromised[1]: unknown system 'erp-core'",
                "plant.yaml:8:19: error: scenarios[ransomware].exfiltrated[0]: unknown system 'crm'");
    }

    @Test
    void rejectsMisspeltFieldsSuggestingTheRightOne() {
        ModelLoad load = ModelReader.read("plant.yaml", """
                enterprise: Albion Motors
                currency: GBP
                systems:
                  - {id: ad-core, depend_on: []}
                """);

        assertThat(messages(load)).singleElement().asString()
                .startsWith("plant.yaml:4:19: error: systems[ad-core].depend_on: unknown field 'depend_on' (did you mean 'depends_on'?)");
    }

    @Test
    void rejectsValuesOfTheWrongTypeAndRangeWithTheReason() {
        ModelLoad load = ModelReader.read("plant.yaml", """
                enterprise: Albion Motors
                currency: pounds
                teams: [{id: ops, skills: [ops], members: 0}]
                systems: [{id: erp, kind: mainframe}]
                processes:
                  - id: payments
                    cost_per_hour: "1,000"
                    requires: {all: [erp]}
                    workaround: {capacity: 1.5}
                """);

        assertThat(messages(load)).containsExactly(
                "plant.yaml:2:11: error: currency: 'pounds' is not an ISO 4217 currency code such as GBP, EUR or USD",
                "plant.yaml:3:43: error: teams[ops].members: a team needs at least 1 member, got 0",
                "plant.yaml:4:27: error: systems[erp].kind: unknown kind 'mainframe'; expected one of identity|network|server|erp|mes|ot|wms|saas|database|endpoint|backup|other",
                "plant.yaml:7:20: error: processes[payments].cost_per_hour: must be a number, got '1,000'",
                "plant.yaml:9:28: error: processes[payments].workaround.capacity: capacity is the fraction of normal output, between 0 and 1; got 1.5");
    }

    @Test
    void rejectsAFileThatIsNotYamlWithTheLineOfTheSyntaxError() {
        ModelLoad load = ModelReader.read("plant.yaml", """
                enterprise: Albion Motors
                systems: [{id: ad-core}
                currency: GBP
                """);

        assertThat(load).isInstanceOf(ModelLoad.Rejected.class);
        ModelProblem problem = load.problems().get(0);
        assertThat(problem.source()).isEqualTo("plant.yaml");
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).startsWith("not valid YAML or JSON: ");
    }

    @Test
    void rejectsAnEmptyOrMissingFile() {
        assertThat(messages(ModelReader.read("empty.yaml", "# nothing\n")))
                .containsExactly("empty.yaml:1:1: error: the file is empty");
        assertThat(messages(ModelReader.read(MODELS.resolve("no-such-model.yaml"))))
                .containsExactly(MODELS.resolve("no-such-model.yaml") + ": error: no such file");
    }

    @Test
    void warnsButLoadsWhenABacklogCanNeverClear() {
        ModelLoad load = ModelReader.read("plant.yaml", """
                enterprise: Albion Motors
                currency: GBP
                systems: [{id: erp}]
                processes: [{id: payments, cost_per_hour: 10, requires: {all: [erp]}}]
                backlogs: [{id: invoices, process: payments, inflow_per_hour: 400, clear_per_hour: 300}]
                """);

        assertThat(load).isInstanceOf(ModelLoad.Loaded.class);
        assertThat(messages(load)).containsExactly(
                "plant.yaml:5:84: warning: backlogs[invoices].clear_per_hour: clears 300 per hour but receives 400: once built up, this backlog never clears");
    }

    @Test
    void addsTheSystemsOfACmdbExport() {
        Enterprise enterprise = loaded(ModelReader.read(MODELS.resolve("base-for-cmdb.yaml"),
                List.of(MODELS.resolve("cmdb-export.csv"))));

        assertThat(enterprise.systems()).extracting(EnterpriseSystem::id)
                .containsExactly("net-core", "mes-north", "line-1", "line-2");
        EnterpriseSystem line2 = enterprise.system("line-2").orElseThrow();
        assertThat(line2.dependsOn()).containsExactly("mes-north", "net-core");
        assertThat(line2.kind()).isEqualTo(SystemKind.OT);
        assertThat(line2.recovery().restore()).isEqualTo(Estimate.exactly(Duration.ofHours(6)));
        assertThat(enterprise.system("line-1").orElseThrow().name()).isEqualTo("Line 1, body in white");
    }

    @Test
    void warnsAboutCmdbColumnsItIgnores() {
        ModelLoad load = ModelReader.read(MODELS.resolve("base-for-cmdb.yaml"), List.of(MODELS.resolve("cmdb-export.csv")));

        assertThat(messages(load)).containsExactly(MODELS.resolve("cmdb-export.csv")
                + ":1:1: warning: cmdb.header: ignoring columns Rebound does not read: u_location_code, owner_email");
    }

    @Test
    void rejectsCmdbRowsWithBadValuesNamingTheLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path export = dir.resolve("cmdb.csv");
        java.nio.file.Files.writeString(export, """
                id,kind,depends_on,restore
                mes-north,mes,net-core,12h
                line-1,robot,mes-north,6h
                line-2,ot,mes-nort,six hours
                """);

        ModelLoad load = ModelReader.read(MODELS.resolve("base-for-cmdb.yaml"), List.of(export));

        assertThat(messages(load)).containsExactly(
                export + ":3:1: error: systems[line-1].kind: unknown kind 'robot'; expected one of identity|network|server|erp|mes|ot|wms|saas|database|endpoint|backup|other",
                export + ":4:1: error: systems[line-2].restore: malformed duration 'six hours': use e.g. 8h, 2d, 30m");
    }

    private static Enterprise loaded(ModelLoad load) {
        assertThat(load.problems()).filteredOn(ModelProblem::isError).isEmpty();
        return ((ModelLoad.Loaded) load).enterprise();
    }

    private static List<String> messages(ModelLoad load) {
        return load.problems().stream().map(ModelProblem::toString).toList();
    }
}
