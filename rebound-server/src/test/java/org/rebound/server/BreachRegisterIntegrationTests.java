package org.rebound.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebound.breach.BreachScanner;
import org.rebound.breach.RegisterFiles;
import org.rebound.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Affected-people registers in an incident: who imports them, who sees counts, who sees people, and sealing at rest. */
@SpringBootTest(classes = ReboundServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rebound.demo=true", "rebound.admin-password=breach-test-admin-password", "rebound.tick-interval=1h"})
class BreachRegisterIntegrationTests extends DemoServerTests {

    private static final String PASSWORD = "breach-test-password";

    @TempDir
    Path dir;

    @Autowired
    JdbcClient jdbc;

    private Http ian;
    private long incident;
    private byte[] register;
    private byte[] summary;

    @BeforeEach
    void incidentWithAScannedRegister() throws IOException {
        Map.of("ian", Role.INCIDENT_COMMANDER, "dana", Role.DPO_LEGAL, "rita", Role.RESPONDER, "erin", Role.EXECUTIVE,
                "dora", Role.DPO_LEGAL).forEach((name, role) -> member(name, PASSWORD, role));
        ian = withToken("ian");
        HttpResponse<String> opened = ian.postJson("/api/incidents", "{\"title\": \"Customer database stolen\", \"severity\": \"critical\"}");
        incident = read(opened).get("id").asLong();
        for (String member : List.of("dana", "rita", "erin")) {
            ian.postJson("/api/incidents/" + incident + "/members", "{\"username\": \"" + member + "\"}");
        }
        Path stolen = Files.createDirectories(dir.resolve("stolen"));
        Files.writeString(stolen.resolve("crm.csv"), """
                customer_id,full_name,email,phone,country,date_of_birth
                C-1,Grace Adeyemi,grace.adeyemi@example.co.uk,+44 7700 900111,GB,1984-05-02
                C-2,Lukas Becker,lukas.becker@example.de,+49 151 23456789,DE,1979-11-21
                C-3,Mia Rossi,mia.rossi@example.it,+39 312 345 6789,IT,1990-01-30
                """);
        Files.writeString(stolen.resolve("payroll.xls"), "legacy");
        Path out = dir.resolve("register");
        new BreachScanner(new BreachScanner.Options(1, null)).scan(List.of(stolen), out, BreachScanner.Progress.NONE);
        register = Files.readAllBytes(out.resolve(RegisterFiles.JSON));
        summary = Files.readAllBytes(out.resolve(RegisterFiles.SUMMARY));
    }

    private Http as(String user) {
        return Http.basic(port, user, PASSWORD);
    }

    private HttpResponse<String> upload(Http caller, byte[] content) {
        return caller.postMultipart("/api/incidents/" + incident + "/breach/registers", Map.of("note", "CRM share exfiltrated 2 Sep"),
                Map.of("register", Map.entry("affected-people.json", content), "summary", Map.entry("scan-summary.json", summary)));
    }

    @Test
    void onlyDpoAndCommandersImportAndSeePeopleWhileMembersSeeTheCounts() {
        assertThat(upload(as("rita"), register).statusCode()).as("a responder may write to the incident but not handle people").isEqualTo(403);
        assertThat(upload(as("erin"), register).statusCode()).isEqualTo(403);
        assertThat(upload(as("dora"), register).statusCode()).as("a DPO outside the incident does not know it").isEqualTo(404);

        HttpResponse<String> imported = upload(as("dana"), register);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonNode stored = read(imported);
        assertThat(stored.get("people").asLong()).isEqualTo(3);
        assertThat(stored.get("files_scanned").asInt()).isEqualTo(2);
        assertThat(stored.get("by_country").get("DE").asLong()).isEqualTo(1);
        assertThat(stored.get("by_category").get("date-of-birth").asLong()).isEqualTo(3);
        assertThat(stored.get("scan_errors").get(0).asString()).contains("payroll.xls");
        long id = stored.get("id").asLong();

        HttpResponse<String> counts = as("erin").get("/api/incidents/" + incident + "/breach/registers");
        assertThat(counts.statusCode()).isEqualTo(200);
        assertThat(read(counts).get(0).get("people").asLong()).isEqualTo(3);
        assertThat(counts.body()).doesNotContain("grace.adeyemi");

        String people = "/api/incidents/" + incident + "/breach/registers/" + id + "/people";
        assertThat(as("erin").get(people).statusCode()).isEqualTo(403);
        assertThat(as("rita").get(people).statusCode()).isEqualTo(403);
        JsonNode all = read(as("dana").get(people));
        assertThat(all.get("matching").asLong()).isEqualTo(3);
        JsonNode second = read(as("dana").get(people + "?offset=1&limit=1"));
        assertThat(second.get("people")).hasSize(1);
        assertThat(second.get("people").get(0).get("person_key").asString()).isEqualTo(all.get("people").get(1).get("person_key").asString());
        JsonNode found = read(ian.get(people + "?q=becker"));
        assertThat(found.get("matching").asLong()).isEqualTo(1);
        assertThat(found.get("people").get(0).get("emails").get(0).asString()).isEqualTo("lukas.becker@example.de");
        assertThat(found.get("people").get(0).get("phones").get(0).asString()).isEqualTo("+4915123456789");

        List<String> audited = jdbc.sql("select action from audit_log where target like :target order by id")
                .param("target", "incident/" + incident + "/breach/%").query(String.class).list();
        assertThat(audited).containsExactly("breach.import", "breach.view", "breach.view", "breach.view");
        assertThat(read(as("erin").get("/api/incidents/" + incident + "/timeline")).toString()).contains("Breach register imported");
    }

    @Test
    void peopleAreSealedAtRestAndNotReadableFromTheDatabase() {
        assertThat(upload(as("dana"), register).statusCode()).isEqualTo(201);

        List<String> sealed = jdbc.sql("select sealed from breach_person").query(String.class).list();
        assertThat(sealed).hasSize(3).noneMatch(value -> value.contains("example") || value.contains("Grace") || value.contains("+44"));
        List<String> categories = jdbc.sql("select categories from breach_person").query(String.class).list();
        assertThat(categories).allMatch(value -> value.contains("email"));
    }

    @Test
    void aFileThatIsNotARegisterIsRefusedAndNothingIsStored() {
        HttpResponse<String> refused = upload(as("dana"), "{\"people\": 3}".getBytes());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(read(refused).get("problems").get(0).get("field").asString()).isEqualTo("register");
        assertThat(read(refused).get("problems").get(0).get("message").asString())
                .isEqualTo("affected-people.json: not a register: expected the array of people that rebound scan writes (affected-people.json)");
        assertThat(read(as("dana").get("/api/incidents/" + incident + "/breach/registers"))).isEmpty();
    }
}
