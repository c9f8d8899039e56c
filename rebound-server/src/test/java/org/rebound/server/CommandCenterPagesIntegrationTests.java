package org.rebound.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rebound.security.Role;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/** The systems table, a system's page, the dependency map and the users page, on the demo incident. */
@SpringBootTest(classes = ReboundServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rebound.demo=true", "rebound.admin-password=pages-test-admin-password", "rebound.tick-interval=1h"})
class CommandCenterPagesIntegrationTests extends DemoServerTests {

    private static final String PASSWORD = "pages-test-password";

    private Http rita;
    private Http admin;

    @BeforeEach
    void team() {
        member("rita", PASSWORD, Role.RESPONDER);
        rita = Http.basic(port, "rita", PASSWORD);
        admin = withToken("admin");
    }

    @Test
    void aDashboardUpdateBringsTheSummaryAndTheChangedPanelsInOneResponse() {
        admin.postJson("/api/systems/plm/state", "{\"state\": \"isolated\", \"reason\": \"PLM vault shows encrypted files\"}");

        String update = rita.getPage("/dashboard/live").body();

        assertThat(update.strip()).startsWith("<section id=\"summary\"");
        assertThat(update).contains("<section id=\"processes\"", "<section id=\"backlogs\"");
        assertThat(update.split("hx-swap-oob=\"true\"", -1)).hasSize(4);
        assertThat(read(rita.get("/api/systems/plm")).get("system").get("state").asString()).isEqualTo("isolated");
        assertThat(rita.getPage("/").body()).doesNotContain("hx-swap-oob")
                .containsPattern("hx-trigger=\"sse:impact delay:\\d+ms, sse:plan delay:\\d+ms, sse:tick delay:\\d+ms\"");
    }

    @Test
    void theSystemsTableListsUnavailableSystemsFirstAndFilters() {
        String page = rita.getPage("/systems").body();

        List<JsonNode> systems = StreamSupport.stream(read(rita.get("/api/systems")).spliterator(), false).toList();
        String firstUnavailable = systems.stream().filter(system -> !system.get("available").asBoolean())
                .map(system -> system.get("id").asString()).sorted().findFirst().orElseThrow();
        String firstAvailable = systems.stream().filter(system -> system.get("available").asBoolean())
                .map(system -> system.get("id").asString()).sorted().findFirst().orElseThrow();
        assertThat(page.indexOf("data-system=\"" + firstUnavailable + "\""))
                .isPositive().isLessThan(page.indexOf("data-system=\"" + firstAvailable + "\""));
        String filtered = rita.getPage("/systems-table?q=vmware").body();
        assertThat(filtered).contains("data-system=\"vmware-primary\"").doesNotContain("data-system=\"ad-core\"");
        assertThat(rita.getPage("/systems-table?q=no-such-thing").body()).contains("No system matches that filter.");
    }

    @Test
    void aSystemsPageShowsTheChainToTheRootCauseAndWhatRestoresIt() {
        JsonNode waiting = StreamSupport.stream(read(rita.get("/api/systems")).spliterator(), false)
                .filter(system -> !system.get("available").asBoolean() && system.get("state").asString().equals("operational"))
                .findFirst().orElseThrow();
        String id = waiting.get("id").asString();
        JsonNode chains = read(rita.get("/api/systems/" + id)).get("root_cause_chains");
        rita.postJson("/api/plans", "{\"engine\": \"heuristic\", \"reason\": \"pages test\"}");

        String page = rita.getPage("/systems/" + id).body();

        assertThat(page).contains("Why it is down");
        for (JsonNode chain : chains) {
            StringBuilder shown = new StringBuilder();
            for (JsonNode link : chain) {
                shown.append(shown.isEmpty() ? "" : " → ").append(link.asString());
            }
            assertThat(page.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ")).contains(shown.toString());
        }
        String cause = chains.get(0).get(chains.get(0).size() - 1).asString();
        String causePage = rita.getPage("/systems/" + cause).body();
        assertThat(causePage).contains("data-testid=\"activities\"", "restore");
        assertThat(causePage).as("a responder may change the state").contains("class=\"state-form\"");
        assertThat(rita.getPage("/systems/no-such-system").statusCode()).isEqualTo(404);
    }

    @Test
    void theDependencyMapReadsFromCausesOnTheLeftToProcessesInTheLastColumn() {
        JsonNode map = read(rita.get("/api/map"));

        Map<String, JsonNode> nodes = new HashMap<>();
        map.get("nodes").forEach(node -> nodes.put(node.get("type").asString() + ":" + node.get("id").asString(), node));
        assertThat(nodes.size()).as("systems and processes, one node each").isEqualTo(161 + 16);
        assertThat(nodes).containsKeys("system:payroll", "process:payroll");
        for (JsonNode link : map.get("links")) {
            assertThat(nodes.get("system:" + link.get("source").asString()).get("column").asInt())
                    .as("%s feeds %s", link.get("source"), link.get("target"))
                    .isLessThan(nodes.get(link.get("target_type").asString() + ":" + link.get("target").asString()).get("column").asInt());
        }
        nodes.values().stream().filter(node -> node.get("type").asString().equals("process"))
                .forEach(process -> assertThat(process.get("column").asInt()).isEqualTo(map.get("columns").asInt() - 1));
        JsonNode adCore = read(rita.get("/api/systems/ad-core")).get("system");
        assertThat(nodes.get("system:ad-core").get("available").asBoolean()).isEqualTo(adCore.get("available").asBoolean());
        assertThat(rita.getPage("/map").body()).contains("id=\"map\"", "/js/map.js");
    }

    @Test
    void clickingADownProcessOnTheMapShowsTheSystemsItWaitsOn() {
        JsonNode down = StreamSupport.stream(read(rita.get("/api/impact")).get("processes").spliterator(), false)
                .filter(process -> process.get("state").asString().equals("down")).findFirst().orElseThrow();

        String panel = rita.getPage("/processes/" + down.get("id").asString() + "/panel").body();

        assertThat(panel).contains(down.get("name").asString());
        down.get("unavailable_requirements").forEach(system -> assertThat(panel).contains(">" + system.asString() + "</a>"));
    }

    @Test
    void anAdministratorCreatesAnAccountOnTheUsersPageAndSeesItsPasswordOnce() {
        HttpResponse<String> created = admin.postForm("/users", Map.of("username", "priya", "roles", "forensics"));

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("data-testid=\"issued-password\"", "Account priya created.");
        assertThat(admin.getPage("/users").body()).contains("data-user=\"priya\"", "must choose a password")
                .doesNotContain("data-testid=\"issued-password\"");
        assertThat(admin.postForm("/users", Map.of("username", "Priya Smith")).body()).contains("2 to 64 lower-case letters");
        assertThat(rita.getPage("/users").statusCode()).isEqualTo(403);
    }
}
