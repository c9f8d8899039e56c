package org.rebound.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rebound.cli.ReboundCliTest.rebound;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebound.security.Role;
import org.rebound.storage.Database;
import org.rebound.storage.DatabaseSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ScanCommandTest {

    @TempDir
    Path dir;

    @Test
    void scanWritesTheRegisterAsCsvAndJsonAndPrintsTheSummaryAsJson() throws IOException {
        Path stolen = Files.createDirectories(dir.resolve("stolen"));
        Files.writeString(stolen.resolve("customers.csv"), """
                customer_no,full_name,email,mobile,country,state
                44017,Dana Whitaker,dana.whitaker@example.com,+1 512 555 0142,US,TX
                44018,Rhys Morgan,rhys.morgan@example.co.uk,+44 7700 900777,GB,
                """);
        Files.writeString(stolen.resolve("warranty.jsonl"), """
                {"claim": "W-1", "customer_no": "44017", "vin": "1M8GDM9AXKP042788", "ssn": "536-90-4399"}
                """);
        Path out = dir.resolve("register");

        ReboundCliTest.Run run = rebound("scan", stolen.toString(), "--out", out.toString(), "--json");

        assertThat(run.exitCode()).isZero();
        JsonNode summary = JsonMapper.builder().build().readTree(run.out());
        assertThat(summary.get("people").asLong()).isEqualTo(2);
        assertThat(summary.get("files_scanned").asInt()).isEqualTo(2);
        assertThat(summary.get("by_category").get("national-id").asLong()).isEqualTo(1);
        assertThat(summary.get("by_country").get("US-TX").asLong()).isEqualTo(1);
        assertThat(summary.get("errors")).isEmpty();
        List<String> csv = Files.readAllLines(out.resolve("affected-people.csv"));
        assertThat(csv.get(0)).isEqualTo("person_key,names,emails,phones,categories,countries,sources");
        assertThat(csv).anySatisfy(row -> assertThat(row)
                .contains("Dana Whitaker", "dana.whitaker@example.com", "+15125550142", "name; email; phone; address; national-id; vin", "US-TX")
                .contains("customers.csv:2; ").contains("warranty.jsonl:1"));
        JsonNode register = JsonMapper.builder().build().readTree(out.resolve("affected-people.json").toFile());
        assertThat(register).hasSize(2);
        assertThat(register.get(0).propertyNames()).containsExactly("person_key", "names", "emails", "phones", "categories",
                "countries", "sources");
        assertThat(Files.exists(out.resolve("scan-summary.json"))).isTrue();
    }

    @Test
    void anUnreadableInputIsNamedWithItsReasonAndTheExitCodeIs2() throws IOException {
        Path stolen = Files.createDirectories(dir.resolve("stolen"));
        Files.writeString(stolen.resolve("hr.csv"), "name,email\nNadia Rahman,nadia@example.com\n");
        Files.writeString(stolen.resolve("payroll.xls"), "legacy workbook");

        ReboundCliTest.Run run = rebound("scan", stolen.toString(), "--out", dir.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).startsWith("1 person in 1 record from 2 files");
        assertThat(run.err()).contains("payroll.xls: not scanned: legacy Excel .xls is not supported: save the workbook as .xlsx");
    }

    @Test
    void breachImportSealsTheScannedRegisterIntoAnIncidentForItsDpo() throws IOException {
        Path stolen = Files.createDirectories(dir.resolve("stolen"));
        Files.writeString(stolen.resolve("crm.csv"), "name,email\nNadia Rahman,nadia@example.com\nOwen Price,owen@example.com\n");
        Path out = dir.resolve("register");
        assertThat(rebound("scan", stolen.toString(), "--out", out.toString()).exitCode()).isZero();
        Path data = dir.resolve("data");
        long incident = ReboundCliTest.incidentWithAccounts(data, "Data theft",
                Map.of("dana", Role.DPO_LEGAL, "rita", Role.RESPONDER), List.of("dana", "rita"));

        ReboundCliTest.Run byResponder = rebound("breach", "import", "--data", data.toString(), "--incident", String.valueOf(incident),
                "--as", "rita", out.toString());
        ReboundCliTest.Run byDpo = rebound("breach", "import", "--data", data.toString(), "--incident", String.valueOf(incident),
                "--as", "dana", "--note", "CRM share", out.toString());

        assertThat(byResponder.exitCode()).isEqualTo(2);
        assertThat(byResponder.err()).contains("rita may not import into incident " + incident);
        assertThat(byDpo.exitCode()).as(byDpo.err()).isZero();
        assertThat(byDpo.out()).contains("2 affected people imported into incident " + incident);
        assertThat(Files.exists(data.resolve("breach-register.key"))).isTrue();
        var dataSource = Database.open(DatabaseSettings.embedded(data));
        try {
            List<String> sealed = JdbcClient.create(dataSource).sql("select sealed from breach_person").query(String.class).list();
            assertThat(sealed).hasSize(2).noneMatch(value -> value.contains("example.com"));
        } finally {
            dataSource.close();
        }
    }

    @Test
    void anUnknownEncodingIsAUsageError() {
        ReboundCliTest.Run run = rebound("scan", dir.toString(), "--encoding", "klingon-8");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--encoding klingon-8");
    }
}
