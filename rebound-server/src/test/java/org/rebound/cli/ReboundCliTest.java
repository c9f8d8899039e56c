package org.rebound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebound.Rebound;
import org.rebound.incident.Pap;
import org.rebound.incident.Severity;
import org.rebound.incident.Tlp;
import org.rebound.incident.persistence.IncidentStore;
import org.rebound.incident.persistence.ObservableStore;
import org.rebound.model.demo.DemoEnterprise;
import org.rebound.model.io.ModelLoad;
import org.rebound.model.io.ModelReader;
import org.rebound.security.Role;
import org.rebound.security.UserStore;
import org.rebound.storage.Database;
import org.rebound.storage.DatabaseSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReboundCliTest {

    @TempDir
    Path dir;

    private Path albion;

    /** What one command printed and returned. */
    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void writeDemoModel() throws IOException {
        albion = Files.writeString(dir.resolve("albion.yaml"), DemoEnterprise.yaml());
    }

    /**
     * An embedded database in {@code data} with its administrator, the {@code accounts} (password
     * unusable), and an incident led by the administrator whose members are {@code members}.
     */
    static long incidentWithAccounts(Path data, String title, java.util.Map<String, Role> accounts, List<String> members) {
        rebound("reset-admin", "--data", data.toString());
        var dataSource = Database.open(DatabaseSettings.embedded(data));
        try {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            accounts.forEach((name, role) -> new UserStore(jdbc).create(name, "{bcrypt}$2a$10$abcdefghijklmnopqrstuv",
                    java.util.Set.of(role), java.time.Instant.now()));
            IncidentStore incidents = new IncidentStore(jdbc);
            long incident = incidents.create(new IncidentStore.IncidentFields(title, "", Severity.CRITICAL, "new", Tlp.AMBER, Pap.AMBER,
                    "admin", null, null, null, null, null), java.time.Instant.now(), "admin").id();
            members.forEach(member -> incidents.addMember(incident, member, java.time.Instant.now(), "admin"));
            return incident;
        } finally {
            dataSource.close();
        }
    }

    static Run rebound(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Rebound.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void validateAcceptsTheDemoModelAndSummarisesIt() {
        Run run = rebound("validate", albion.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(albion + ": valid, Albion Motors: 11 sites, 10 teams, 161 systems, 16 processes, 4 backlogs, 3 scenarios\n");
    }

    @Test
    void validateListsEveryErrorWithFileLineAndFieldAndExitsWith2() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), """
                enterprise: Albion Motors
                currency: GBP
                systems:
                  - {id: ad-core, depends_on: [net-core]}
                  - {id: erp, recovery: {restore: 2 days}}
                """);

        Run run = rebound("validate", broken.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(broken + ":4:32: error: systems[ad-core].depends_on[0]: unknown system 'net-core'")
                .contains(broken + ":5:35: error: systems[erp].recovery.restore: malformed duration '2 days'")
                .endsWith(broken + ": 2 errors\n");
    }

    @Test
    void validateAddsTheSystemsOfACmdbExport() throws IOException {
        Path base = Files.writeString(dir.resolve("base.yaml"), """
                enterprise: Albion Motors
                currency: GBP
                systems: [{id: net-core}]
                processes: [{id: production, cost_per_hour: 1000, requires: {all: [mes-north]}}]
                """);
        Path cmdb = Files.writeString(dir.resolve("cmdb.csv"), "id,name,depends_on\nmes-north,MES North,net-core\n");
        Path broken = Files.writeString(dir.resolve("broken.csv"), "id,name,depends_on\nmes-north,MES North,net-cor\n");

        Run valid = rebound("validate", base.toString(), "--cmdb", cmdb.toString());
        Run invalid = rebound("validate", base.toString(), "--cmdb", broken.toString());

        assertThat(valid.exitCode()).isZero();
        assertThat(valid.out()).contains("2 systems");
        assertThat(invalid.exitCode()).isEqualTo(2);
        assertThat(invalid.err()).contains(broken + ":2:1: error: systems[mes-north].depends_on[0]: unknown system 'net-cor'");
    }

    @Test
    void aMisspeltCommandOrMissingArgumentIsAUsageErrorWithExit1() {
        Run misspelt = rebound("validat", albion.toString());
        Run missing = rebound("validate");

        assertThat(misspelt.exitCode()).isEqualTo(1);
        assertThat(misspelt.err()).contains("Did you mean: rebound validate");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("Missing required parameter: 'FILE'");
    }

    @Test
    void impactJsonGivesEachProcessItsStateLossRateAndTheLossSinceTheStart() {
        Run run = rebound("impact", albion.toString(), "--scenario", "ransomware", "--at", "48h", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode impact = JsonMapper.builder().build().readTree(run.out());
        assertThat(impact.get("scenario").asString()).isEqualTo("ransomware");
        assertThat(impact.get("start").asString()).isEqualTo("2025-09-01T06:00:00Z");
        assertThat(impact.get("at").asString()).isEqualTo("2025-09-03T06:00:00Z");
        JsonNode north = process(impact, "vehicle-production-north");
        assertThat(north.get("state").asString()).isEqualTo("down");
        assertThat(north.get("loss_per_hour").asDouble()).isEqualTo(210_000);
        assertThat(north.get("cumulative_loss").asDouble()).isEqualTo(48 * 210_000);
        JsonNode parts = process(impact, "parts-distribution");
        assertThat(parts.get("state").asString()).as("paper picking after 48 h lead time").isEqualTo("degraded");
        assertThat(parts.get("loss_per_hour").asDouble()).isEqualTo(65_000 * 0.75 + 9_000);
        double sum = 0;
        for (JsonNode process : impact.get("processes")) {
            sum += process.get("cumulative_loss").asDouble();
        }
        assertThat(impact.get("cumulative_loss").asDouble()).isCloseTo(sum, org.assertj.core.data.Offset.offset(1.0));
        assertThat(impact.get("backlogs").get(0).get("level").asDouble()).isEqualTo(48 * 400);
    }

    @Test
    void impactWhatIfTakesFurtherSystemsDownFromTheStart() {
        Run alone = rebound("impact", albion.toString(), "--scenario", "ot-intrusion", "--at", "1h", "--json");
        Run withIdentity = rebound("impact", albion.toString(), "--scenario", "ot-intrusion", "--down", "ad-core,email", "--at", "1h", "--json");

        JsonMapper json = JsonMapper.builder().build();
        assertThat(process(json.readTree(alone.out()), "supplier-payments").get("state").asString()).isEqualTo("up");
        assertThat(process(json.readTree(alone.out()), "vehicle-production-midlands").get("state").asString()).isEqualTo("down");
        assertThat(process(json.readTree(withIdentity.out()), "supplier-payments").get("state").asString()).isEqualTo("down");
    }

    @Test
    void impactPrintsATableByDefault() {
        Run run = rebound("impact", albion.toString(), "--at", "2d");

        assertThat(run.out()).startsWith("Albion Motors, scenario ransomware, 2d after 2025-09-01T06:00:00Z (at 2025-09-03T06:00:00Z)\n")
                .contains("vehicle-production-north      down            210,000       10,080,000");
    }

    @Test
    void impactRefusesUnknownScenariosAndSystemsWithExit2AndMalformedTimesWithExit1() {
        Run scenario = rebound("impact", albion.toString(), "--scenario", "flood");
        Run system = rebound("impact", albion.toString(), "--down", "mainframe");
        Run time = rebound("impact", albion.toString(), "--at", "tomorrow");

        assertThat(scenario.exitCode()).isEqualTo(2);
        assertThat(scenario.err()).contains("has no scenario 'flood'; it has: ransomware, ot-intrusion, edi-outage");
        assertThat(system.exitCode()).isEqualTo(2);
        assertThat(system.err()).contains("--down names systems " + albion + " does not have: mainframe");
        assertThat(time.exitCode()).isEqualTo(1);
        assertThat(time.err()).contains("--at must be a duration such as 48h or an ISO-8601 instant");
    }

    @Test
    void planJsonListsActivitiesProcessRestorationsAndTheBound() {
        Run run = rebound("plan", albion.toString(), "--engine", "cpsat", "--time-limit", "3s", "--samples", "200", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode plan = JsonMapper.builder().build().readTree(run.out());
        assertThat(plan.get("engine").asString()).isEqualTo("cpsat");
        assertThat(plan.get("scenario").asString()).isEqualTo("ransomware");
        assertThat(plan.get("objective").asDouble()).isPositive();
        assertThat(plan.get("bound").asDouble()).isBetween(0.0, plan.get("objective").asDouble());
        assertThat(plan.get("gap").asDouble()).isBetween(0.0, 1.0);
        JsonNode first = plan.get("activities").get(0);
        assertThat(first.get("kind").asString()).isIn("triage", "restore", "validate");
        assertThat(first.get("start").asString()).isEqualTo("2025-09-01T06:00:00Z");
        assertThat(first.has("system") && first.has("team") && first.has("end")).isTrue();
        JsonNode production = plan.get("processes").get(0);
        assertThat(production.get("restored").asString()).endsWith("Z");
        assertThat(production.get("p50").asString()).isNotEmpty();
        assertThat(plan.get("backlogs")).hasSize(4);
    }

    @Test
    void planRefusesAnUnknownEngineOrScenario() {
        assertThat(rebound("plan", albion.toString(), "--engine", "magic").exitCode()).isEqualTo(1);
        Run scenario = rebound("plan", albion.toString(), "--scenario", "flood");
        assertThat(scenario.exitCode()).isEqualTo(2);
        assertThat(scenario.err()).contains("has no scenario 'flood'");
    }

    @Test
    void psplibPrintsTheMakespanItsOptimalityBoundAndStarts() throws IOException {
        Path instance = Files.writeString(dir.resolve("tiny.sm"), TINY_RCPSP);

        Run run = rebound("psplib", instance.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = JsonMapper.builder().build().readTree(run.out());
        assertThat(result.get("instance").asString()).isEqualTo("tiny.sm");
        assertThat(result.get("makespan").asInt()).as("jobs 2 and 3 cannot overlap on the one unit of R 1").isEqualTo(5);
        assertThat(result.get("optimal").asBoolean()).isTrue();
        assertThat(result.get("lower_bound").asInt()).isEqualTo(5);
        assertThat(result.get("starts").get("1").asInt()).isZero();
        assertThat(result.get("starts").size()).isEqualTo(4);
        Run broken = rebound("psplib", Files.writeString(dir.resolve("broken.sm"), "nonsense\n").toString());
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.err()).contains("broken.sm: no 'jobs (incl. supersource/sink )' line");
    }

    private static final String TINY_RCPSP = """
            ************************************************************************
            jobs (incl. supersource/sink ):  4
            RESOURCES
              - renewable                 :  1   R
            ************************************************************************
            PRECEDENCE RELATIONS:
            jobnr.    #modes  #successors   successors
               1        1          2           2   3
               2        1          1           4
               3        1          1           4
               4        1          0
            ************************************************************************
            REQUESTS/DURATIONS:
            jobnr. mode duration  R 1
            ------------------------------------------------------------------------
              1      1     0       0
              2      1     2       1
              3      1     3       1
              4      1     0       0
            ************************************************************************
            RESOURCEAVAILABILITIES:
              R 1
                1
            ************************************************************************
            """;

    @Test
    void generateWritesTheSameValidModelForTheSameSeed() throws IOException {
        Run first = rebound("generate", "--systems", "500", "--seed", "42");
        Run second = rebound("generate", "--systems", "500", "--seed", "42");

        assertThat(first.out()).isEqualTo(second.out());
        ModelLoad load = ModelReader.read("generated.yaml", first.out());
        assertThat(load).isInstanceOfSatisfying(ModelLoad.Loaded.class,
                loaded -> assertThat(loaded.enterprise().systems()).hasSize(500));
        assertThat(rebound("generate", "--systems", "5").exitCode()).isEqualTo(1);
    }

    @Test
    void importStoresTheModelAndExportGivesItBack() throws IOException {
        Path data = dir.resolve("data");

        Run imported = rebound("import", albion.toString(), "--data", data.toString());
        Run again = rebound("import", albion.toString(), "--data", data.toString());
        Run exported = rebound("export", "--data", data.toString());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).startsWith("imported " + albion + " as model version 1 into ");
        assertThat(again.out()).contains("identical to model version 1; nothing to import");
        ModelLoad reread = ModelReader.read("export.yaml", exported.out());
        assertThat(reread).isInstanceOfSatisfying(ModelLoad.Loaded.class,
                loaded -> assertThat(loaded.enterprise()).isEqualTo(DemoEnterprise.load()));
        assertThat(Files.readString(data.resolve("db-credentials.properties"))).contains("password=");
    }

    @Test
    void importKeepsTheFileAsWrittenCommentsIncluded() {
        Path data = dir.resolve("data");
        rebound("import", albion.toString(), "--data", data.toString());

        String exported = rebound("export", "--data", data.toString()).out();

        assertThat(exported).contains("# Albion Motors: a fictional car maker").endsWith(DemoEnterprise.yaml());
    }

    @Test
    void aModelImportedAsJsonIsExportedAsYaml() throws IOException {
        Path data = dir.resolve("data");
        Path json = Files.writeString(dir.resolve("plant.json"), """
                {"enterprise": "Json Motors", "currency": "EUR",
                 "systems": [{"id": "erp"}],
                 "processes": [{"id": "sales", "cost_per_hour": 500.5, "requires": {"all": ["erp"]}}]}
                """);
        rebound("import", json.toString(), "--data", data.toString());

        String exported = rebound("export", "--data", data.toString()).out();

        assertThat(exported).contains("enterprise: Json Motors\n").contains("cost_per_hour: 500.5");
        assertThat(ModelReader.read("export.yaml", exported)).isInstanceOf(ModelLoad.Loaded.class);
    }

    @Test
    void anInvalidImportChangesNothing() throws IOException {
        Path data = dir.resolve("data");
        rebound("import", albion.toString(), "--data", data.toString());
        Path broken = Files.writeString(dir.resolve("broken.yaml"), DemoEnterprise.yaml().replace("windows], members: 3}", "windows], members: none}"));

        Run run = rebound("import", broken.toString(), "--data", data.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("teams[identity].members: must be a whole number, got 'none'").endsWith("nothing was imported\n");
        assertThat(rebound("export", "--data", data.toString()).out()).contains("model version 1,");
    }

    @Test
    void auditVerifyConfirmsAnIntactLogAndFindsATamperedEntry() {
        Path data = dir.resolve("data");
        rebound("import", albion.toString(), "--data", data.toString());
        rebound("reset-admin", "--data", data.toString());

        Run intact = rebound("audit", "verify", "--data", data.toString());

        assertThat(intact.exitCode()).isZero();
        assertThat(intact.out()).startsWith("audit log intact: 2 entries, head ");
        var dataSource = Database.open(DatabaseSettings.embedded(data));
        try {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            jdbc.sql("drop trigger audit_log_append_only").update();
            jdbc.sql("update audit_log set actor = 'someone else' where seq = 1").update();
        } finally {
            dataSource.close();
        }
        Run broken = rebound("audit", "verify", "--data", data.toString());
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.err()).isEqualTo("audit log broken at entry 1: entry 1 was changed after it was written (2 entries read)\n");
    }

    @Test
    void resetAdminPrintsANewPasswordThatLogsIn() {
        Path data = dir.resolve("data");

        Run run = rebound("reset-admin", "--data", data.toString());

        String password = run.out().lines().filter(line -> line.contains("password:")).findFirst().orElseThrow()
                .replaceAll(".*password:\\s*", "");
        assertThat(password).hasSize(20);
        var dataSource = Database.open(DatabaseSettings.embedded(data));
        try {
            String hash = new UserStore(JdbcClient.create(dataSource)).find("admin").orElseThrow().passwordHash();
            assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches(password, hash)).isTrue();
            assertThat(hash).doesNotContain(password);
        } finally {
            dataSource.close();
        }
    }

    @Test
    void iocImportAddsAFileOfIndicatorsToAnIncidentAsAMemberAllOrNothing() throws IOException {
        Path data = dir.resolve("data");
        long incident = incidentWithAccounts(data, "Ransomware", java.util.Map.of("rita", Role.RESPONDER), List.of("admin"));
        Path feed = Files.writeString(dir.resolve("feed.txt"), "# from the NCSC\nalbion-motors-helpdesk[.]com\n185.220.101.45\n185.220.101.45\n");
        Path bad = Files.writeString(dir.resolve("bad.txt"), "45.134.26.17\nnot an indicator\n");

        Run imported = rebound("ioc", "import", "--data", data.toString(), "--incident", String.valueOf(incident), "--as", "admin",
                "--tlp", "green", "--tag", "ncsc", feed.toString());
        Run refused = rebound("ioc", "import", "--data", data.toString(), "--incident", String.valueOf(incident), "--as", "admin",
                bad.toString());
        Run outsider = rebound("ioc", "import", "--data", data.toString(), "--incident", String.valueOf(incident), "--as", "rita",
                feed.toString());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).isEqualTo(feed + ": 2 added to incident " + incident + ", 0 already recorded (marked seen again),"
                + " 1 repeated in the file\n");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains(bad + ": line 2: not an indicator: not a recognisable observable").endsWith("nothing was added\n");
        assertThat(outsider.exitCode()).isEqualTo(2);
        assertThat(outsider.err()).isEqualTo("no incident " + incident + " that rita is a member of\n");
        var dataSource = Database.open(DatabaseSettings.embedded(data));
        try {
            assertThat(new ObservableStore(JdbcClient.create(dataSource)).of(incident))
                    .extracting(stored -> stored.observable().value()).containsExactlyInAnyOrder("albion-motors-helpdesk.com", "185.220.101.45");
        } finally {
            dataSource.close();
        }
    }

    @Test
    void stixValidateAcceptsAnOasisExampleAndListsEachProblemOfABrokenBundle() throws IOException {
        Path valid = dir.resolve("valid.json");
        try (var in = getClass().getResourceAsStream("/stix/indicator-for-c2-ip-address.json")) {
            Files.copy(in, valid);
        }
        Path broken = Files.writeString(dir.resolve("broken.json"), Files.readString(valid)
                .replace("[ipv4-addr:value = '10.0.0.0']", "[ipv4-addr:value = '10.0.0.0'")
                .replace("\"id\": \"indicator--", "\"id\": \"malware--"));
        Path notJson = Files.writeString(dir.resolve("not.json"), "{\"type\": \"bundle\",\n  objects: []}");

        Run accepted = rebound("stix", "validate", valid.toString());
        Run refused = rebound("stix", "validate", broken.toString());
        Run unreadable = rebound("stix", "validate", notJson.toString());

        assertThat(accepted.exitCode()).isZero();
        assertThat(accepted.out()).isEqualTo(valid + ": valid STIX 2.1 bundle, 1 object\n");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains(broken + ": /objects/0/pattern: not a valid STIX pattern: column",
                broken + ": /objects/0/id: 'malware--").endsWith("problems\n");
        assertThat(unreadable.exitCode()).isEqualTo(2);
        assertThat(unreadable.err()).startsWith(notJson + ": not JSON: ").contains("line 2");
    }

    @Test
    void stixExportWritesAMembersIncidentAsAValidBundle() throws IOException {
        Path data = dir.resolve("data");
        rebound("reset-admin", "--data", data.toString());
        long incident;
        var dataSource = Database.open(DatabaseSettings.embedded(data));
        try {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            IncidentStore incidents = new IncidentStore(jdbc);
            incident = incidents.create(new IncidentStore.IncidentFields("Phishing", "Help desk called", Severity.HIGH, "new", Tlp.GREEN,
                    Pap.GREEN, "admin", null, null, null, null, null), java.time.Instant.now(), "admin").id();
            incidents.addMember(incident, "admin", java.time.Instant.now(), "admin");
        } finally {
            dataSource.close();
        }
        Path feed = Files.writeString(dir.resolve("feed.txt"), "evil-sso.com\n185.220.101.45\n+44 20 7946 0958\n");
        rebound("ioc", "import", "--data", data.toString(), "--incident", String.valueOf(incident), "--as", "admin", "--tlp", "green",
                "--sighted", feed.toString());
        Path out = dir.resolve("incident.json");

        Run exported = rebound("stix", "export", String.valueOf(incident), "--as", "admin", "--out", out.toString(), "--data", data.toString());

        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(exported.out()).contains("wrote incident " + incident + " to " + out, "1 observables without a STIX form left out");
        assertThat(rebound("stix", "validate", out.toString()).exitCode()).isZero();
        assertThat(Files.readString(out)).contains("[domain-name:value = 'evil-sso.com']", "\"type\" : \"sighting\"");
        Run reimported = rebound("stix", "import", String.valueOf(incident), out.toString(), "--as", "admin", "--data", data.toString());
        assertThat(reimported.exitCode()).as(reimported.err()).isZero();
        assertThat(reimported.out()).isEqualTo(out + ": 0 added to incident " + incident + ", 2 already recorded, 0 skipped\n");
    }

    private static JsonNode process(JsonNode impact, String id) {
        for (JsonNode process : impact.get("processes")) {
            if (process.get("id").asString().equals(id)) {
                return process;
            }
        }
        throw new AssertionError("no process " + id);
    }
}
