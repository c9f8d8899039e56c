package org.rebound.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rebound.model.demo.DemoEnterprise;
import org.rebound.model.io.ModelLoad;
import org.rebound.model.io.ModelReader;
import org.rebound.security.Role;
import org.rebound.security.UserStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server as its users meet it, booted with the demo incident on one of the supported databases:
 * authentication and roles, the REST API, the dashboard form with CSRF, security headers and the
 * live event stream.
 */
@SpringBootTest(classes = ReboundServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rebound.demo=true", "rebound.admin-password=" + ServerContract.ADMIN_PASSWORD,
                "rebound.tick-interval=1h"})
abstract class ServerContract {

    static final String ADMIN_PASSWORD = "integration-test-admin-password";
    static final String PASSWORD = "a-long-test-password";

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    UserStore users;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.rebound.security.ApiTokens tokens;

    @Autowired
    org.rebound.obligations.application.DeadlineAlerts alerts;

    private String adminToken;

    @BeforeEach
    void createTeam() {
        adminToken = tokens.issue("admin", "integration tests", org.rebound.security.ApiTokens.WRITE, java.time.Duration.ofHours(1)).value();
        for (var member : Map.of("rita", Role.RESPONDER, "edward", Role.EXECUTIVE).entrySet()) {
            if (users.find(member.getKey()).isEmpty()) {
                users.create(member.getKey(), encoder.encode(PASSWORD), Set.of(member.getValue()), Instant.now());
            }
        }
    }

    @Test
    void theApiAndPagesRequireLoggingIn() {
        Http stranger = Http.anonymous(port);

        assertThat(stranger.get("/api/impact").statusCode()).isEqualTo(401);
        HttpResponse<String> page = stranger.getPage("/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        assertThat(Http.basic(port, "admin", "not-the-password").get("/api/impact").statusCode()).isEqualTo(401);
    }

    @Test
    void fiveWrongPasswordsInARowLockTheAccount() {
        users.create("lucy", encoder.encode(PASSWORD), Set.of(Role.RESPONDER), Instant.now());

        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(Http.basic(port, "lucy", "guess-" + attempt).get("/api/impact").statusCode()).isEqualTo(401);
        }

        assertThat(Http.basic(port, "lucy", PASSWORD).get("/api/impact").statusCode()).as("locked despite the right password").isEqualTo(401);
        HttpResponse<String> form = Http.anonymous(port).logIn("lucy", PASSWORD);
        assertThat(form.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login?locked"));
        assertThat(admin().get("/api/audit?limit=20").body()).contains("\"action\":\"user.locked\"", "user/lucy");
    }

    @Test
    void anApiTokenActsAsItsUserAndAReadTokenOnlyReads() {
        Http rita = Http.basic(port, "rita", PASSWORD);
        String reader = read(rita.postJson("/api/tokens", "{\"name\": \"wall screen\", \"scope\": \"read\"}")).get("token").asString();
        String writer = read(rita.postJson("/api/tokens", "{\"name\": \"runbook bot\", \"scope\": \"write\", \"expires_in\": \"7d\"}"))
                .get("token").asString();

        assertThat(reader).startsWith("rbd_").hasSizeGreaterThan(40);
        assertThat(Http.bearer(port, reader).get("/api/impact").statusCode()).isEqualTo(200);
        assertThat(Http.bearer(port, reader).postJson("/api/systems/intranet/state", "{\"state\": \"isolated\", \"reason\": \"x\"}")
                .statusCode()).isEqualTo(403);
        HttpResponse<String> written = Http.bearer(port, writer).postJson("/api/systems/intranet/state",
                "{\"state\": \"isolated\", \"reason\": \"runbook: isolate the intranet\"}");
        assertThat(written.statusCode()).isEqualTo(200);
        assertThat(read(written).get("event").get("actor").asString()).isEqualTo("rita");
        assertThat(Http.bearer(port, writer).postJson("/api/tokens", "{\"name\": \"another\"}").statusCode())
                .as("a token cannot mint tokens").isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = :hash").param("hash", sha256(reader))
                .query(Long.class).single()).as("only the hash is stored").isEqualTo(1);
    }

    @Test
    void revokedExpiredAndUnknownTokensAreRefused() throws InterruptedException {
        Http rita = Http.basic(port, "rita", PASSWORD);
        JsonNode revokable = read(rita.postJson("/api/tokens", "{\"name\": \"laptop script\"}"));
        String shortLived = read(rita.postJson("/api/tokens", "{\"name\": \"one second\", \"expires_in\": \"1s\"}")).get("token").asString();

        assertThat(rita.delete("/api/tokens/" + revokable.get("id").asLong()).statusCode()).isEqualTo(204);
        Thread.sleep(1_200);

        assertThat(Http.bearer(port, revokable.get("token").asString()).get("/api/impact").statusCode()).isEqualTo(401);
        assertThat(Http.bearer(port, shortLived).get("/api/impact").statusCode()).isEqualTo(401);
        assertThat(Http.bearer(port, "rbd_made-up").get("/api/impact").statusCode()).isEqualTo(401);
        assertThat(Http.basic(port, "edward", PASSWORD).delete("/api/tokens/" + revokable.get("id").asLong()).statusCode())
                .as("nobody else's token").isEqualTo(404);
        assertThat(rita.postJson("/api/tokens", "{\"name\": \"forever\", \"expires_in\": \"400d\"}").statusCode()).isEqualTo(400);
    }

    private static String sha256(String value) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Test
    void aPasswordAloneOverBasicAuthCannotBypassTheSecondFactor() {
        HttpResponse<String> basic = Http.basic(port, "admin", ADMIN_PASSWORD).get("/api/impact");

        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(Http.basic(port, "rita", PASSWORD).get("/api/impact").statusCode()).as("no second factor required of a responder").isEqualTo(200);
    }

    @Test
    void anIncidentCommanderEnrolsAnAuthenticatorAtTheFirstLoginAndThenNeedsItsCodes() {
        users.create("ivy", encoder.encode(PASSWORD), Set.of(Role.INCIDENT_COMMANDER), Instant.now());
        Http browser = Http.anonymous(port);

        HttpResponse<String> afterPassword = browser.logIn("ivy", PASSWORD);
        assertThat(afterPassword.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/account/mfa/enrol"));
        assertThat(browser.getPage("/").headers().firstValue("Location")).as("nothing else until enrolled")
                .hasValueSatisfying(location -> assertThat(location).endsWith("/account/mfa/enrol"));
        assertThat(browser.get("/api/impact").statusCode()).isEqualTo(403);
        String enrolPage = browser.getPage("/account/mfa/enrol").body();
        assertThat(enrolPage).contains("data:image/svg+xml;base64,");
        String secret = secretIn(enrolPage);
        HttpResponse<String> wrong = browser.postForm("/account/mfa/enrol", Map.of("code", "000000", "_csrf", Http.csrfToken(enrolPage)));
        assertThat(wrong.body()).contains("That code is not right");
        HttpResponse<String> enrolled = browser.postForm("/account/mfa/enrol",
                Map.of("code", org.rebound.security.Totp.code(secret, org.rebound.security.Totp.step(Instant.now())), "_csrf", Http.csrfToken(enrolPage)));
        assertThat(enrolled.body()).contains("Recovery codes");
        List<String> codes = recoveryCodesIn(enrolled.body());
        assertThat(codes).hasSize(10);
        assertThat(browser.getPage("/").statusCode()).isEqualTo(200);

        Http later = Http.anonymous(port);
        HttpResponse<String> again = later.logIn("ivy", PASSWORD);
        assertThat(again.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login/mfa"));
        String codePage = later.getPage("/login/mfa").body();
        HttpResponse<String> recovered = later.postForm("/login/mfa", Map.of("code", codes.get(0), "_csrf", Http.csrfToken(codePage)));
        assertThat(recovered.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/"));
        assertThat(later.getPage("/").statusCode()).isEqualTo(200);

        Http reuse = Http.anonymous(port);
        reuse.logIn("ivy", PASSWORD);
        String page = reuse.getPage("/login/mfa").body();
        assertThat(reuse.postForm("/login/mfa", Map.of("code", codes.get(0), "_csrf", Http.csrfToken(page))).body())
                .as("a recovery code works once").contains("That code is not right");
    }

    @Test
    void anAccountAnAdministratorCreatesMustChooseItsOwnPasswordAtTheFirstLogin() {
        HttpResponse<String> created = admin().postJson("/api/users", "{\"username\": \"nadia\", \"roles\": [\"responder\"]}");
        assertThat(created.statusCode()).isEqualTo(201);
        String issued = read(created).get("password").asString();
        assertThat(read(created).get("account").get("password_change_required").asBoolean()).isTrue();

        assertThat(Http.basic(port, "nadia", issued).get("/api/impact").statusCode()).as("not over Basic").isEqualTo(401);
        Http browser = Http.anonymous(port);
        assertThat(browser.logIn("nadia", issued).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/account/password"));
        assertThat(browser.getPage("/").headers().firstValue("Location")).as("nothing else until changed")
                .hasValueSatisfying(location -> assertThat(location).endsWith("/account/password"));
        String form = browser.getPage("/account/password").body();
        assertThat(browser.postForm("/account/password", Map.of("current", issued, "chosen", "short", "repeated", "short",
                "_csrf", Http.csrfToken(form))).body()).contains("at least 12 characters");
        HttpResponse<String> chosen = browser.postForm("/account/password", Map.of("current", issued,
                "chosen", "copper kettle harbour", "repeated", "copper kettle harbour", "_csrf", Http.csrfToken(form)));

        assertThat(chosen.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/"));
        assertThat(browser.getPage("/").statusCode()).isEqualTo(200);
        assertThat(Http.basic(port, "nadia", "copper kettle harbour").get("/api/impact").statusCode()).isEqualTo(200);
        assertThat(Http.basic(port, "nadia", issued).get("/api/impact").statusCode()).as("the issued password is gone").isEqualTo(401);
        assertThat(admin().get("/api/audit?limit=20").body()).contains("\"action\":\"user.create\"", "\"action\":\"user.password-change\"");
    }

    @Test
    void anAdministratorChangesRolesDisablesAccountsButNotThemselves() {
        admin().postJson("/api/users", "{\"username\": \"omar\", \"roles\": [\"executive\"]}");
        String password = read(admin().postJson("/api/users/omar/reset-password", "")).get("password").asString();
        Http omar = Http.anonymous(port);
        omar.logIn("omar", password);
        omar.postForm("/account/password", Map.of("current", password, "chosen", "granite lantern meadow",
                "repeated", "granite lantern meadow", "_csrf", Http.csrfToken(omar.getPage("/account/password").body())));
        Http omarApi = Http.basic(port, "omar", "granite lantern meadow");
        assertThat(omarApi.postJson("/api/plans", "{\"engine\": \"heuristic\"}").statusCode()).as("an executive only reads").isEqualTo(403);

        HttpResponse<String> promoted = admin().patchJson("/api/users/omar", "{\"roles\": [\"responder\"]}");
        assertThat(promoted.statusCode()).isEqualTo(200);
        assertThat(omarApi.postJson("/api/plans", "{\"engine\": \"heuristic\", \"reason\": \"roles test\"}").statusCode()).isEqualTo(201);
        assertThat(admin().patchJson("/api/users/omar", "{\"enabled\": false}").statusCode()).isEqualTo(200);
        assertThat(omarApi.get("/api/impact").statusCode()).as("disabled").isEqualTo(401);

        HttpResponse<String> selfDemotion = admin().patchJson("/api/users/admin", "{\"roles\": [\"responder\"]}");
        assertThat(selfDemotion.statusCode()).isEqualTo(400);
        assertThat(selfDemotion.body()).contains("roles", "your own administrator role");
        assertThat(admin().patchJson("/api/users/omar", "{\"roles\": [\"janitor\"]}").body()).contains("unknown role 'janitor'");
        assertThat(admin().patchJson("/api/users/nobody", "{\"enabled\": true}").statusCode()).isEqualTo(404);
        assertThat(admin().get("/api/audit?limit=30").body()).contains("roles executive -> responder", "roles responder -> responder, disabled");
    }

    private static String secretIn(String page) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("data-testid=\"totp-secret\">([A-Z2-7 ]+)<").matcher(page);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1).replace(" ", "");
    }

    private static List<String> recoveryCodesIn(String page) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("<code>([A-Z2-9]{5}-[A-Z2-9]{5})</code>").matcher(page);
        List<String> codes = new java.util.ArrayList<>();
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        return codes;
    }

    @Test
    void healthAndTheLoginPageAreOpenToAll() {
        Http stranger = Http.anonymous(port);

        assertThat(stranger.get("/actuator/health").body()).contains("\"UP\"");
        assertThat(stranger.getPage("/login").statusCode()).isEqualTo(200);
    }

    @Test
    void theDemoIncidentIsLoadedWithItsLosses() {
        JsonNode impact = read(admin().get("/api/impact"));

        assertThat(impact.get("enterprise").asString()).isEqualTo("Albion Motors");
        assertThat(impact.get("scenario").asString()).isEqualTo("ransomware");
        assertThat(impact.get("processes")).hasSize(16);
        assertThat(impact.get("processes_down").asLong()).isGreaterThan(3);
        assertThat(impact.get("cumulative_loss").asDouble()).isGreaterThan(10_000_000);
        for (JsonNode process : impact.get("processes")) {
            assertThat(process.get("state").asString()).isIn("up", "degraded", "down");
        }
    }

    @Test
    void aResponderRecordsAStateChangeAndTheImpactFollows() {
        HttpResponse<String> response = Http.basic(port, "rita", PASSWORD).postJson("/api/systems/vmware-primary/state",
                "{\"state\": \"restored\", \"reason\": \"cluster rebuilt from the vault\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = read(response);
        assertThat(result.get("processes_flipped").toString()).contains("connected-car-services");
        assertThat(result.get("event").get("actor").asString()).isEqualTo("rita");
        JsonNode impact = read(admin().get("/api/impact"));
        assertThat(stateOf(impact, "connected-car-services")).isEqualTo("up");
        JsonNode detail = read(admin().get("/api/systems/vmware-primary"));
        assertThat(detail.get("system").get("state").asString()).isEqualTo("restored");
        assertThat(detail.get("history").get(0).get("reason").asString()).isEqualTo("cluster rebuilt from the vault");
    }

    @Test
    void aStateChangeWithoutAReasonOrWithAnUnknownStateIsRefused() {
        Http rita = Http.basic(port, "rita", PASSWORD);

        HttpResponse<String> noReason = rita.postJson("/api/systems/pam/state", "{\"state\": \"restored\"}");
        HttpResponse<String> badState = rita.postJson("/api/systems/pam/state", "{\"state\": \"fixed\", \"reason\": \"x\"}");
        HttpResponse<String> unknown = rita.postJson("/api/systems/mainframe/state", "{\"state\": \"restored\", \"reason\": \"x\"}");

        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(read(noReason).get("field").asString()).isEqualTo("reason");
        assertThat(badState.statusCode()).isEqualTo(400);
        assertThat(read(badState).get("detail").asString()).contains("unknown state 'fixed'");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(read(admin().get("/api/systems/pam")).get("system").get("state").asString()).isEqualTo("compromised");
    }

    @Test
    void anExecutiveCanReadButChangeNothingAndOnlyAnAdminImportsModels() {
        Http edward = Http.basic(port, "edward", PASSWORD);

        assertThat(edward.get("/api/impact").statusCode()).isEqualTo(200);
        assertThat(edward.postJson("/api/systems/pam/state", "{\"state\": \"restored\", \"reason\": \"x\"}").statusCode()).isEqualTo(403);
        assertThat(Http.basic(port, "rita", PASSWORD).put("/api/model", "application/yaml", DemoEnterprise.yaml()).statusCode())
                .isEqualTo(403);
        assertThat(Http.basic(port, "rita", PASSWORD).postJson("/api/scenarios/ransomware/start", "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void anInvalidModelIsRefusedWithEveryProblemAndTheCurrentModelStays() {
        String broken = DemoEnterprise.yaml().replace("depends_on: [net-core, dns-dhcp]", "depends_on: [net-core, dns]");

        HttpResponse<String> response = admin().put("/api/model?source=albion-edit.yaml", "application/yaml", broken);

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = read(response).get("problems").get(0);
        assertThat(problem.get("source").asString()).isEqualTo("albion-edit.yaml");
        assertThat(problem.get("line").asInt()).isPositive();
        assertThat(problem.get("field").asString()).isEqualTo("systems[ad-core].depends_on[1]");
        assertThat(problem.get("message").asString()).isEqualTo("unknown system 'dns'");
        assertThat(read(admin().get("/api/model")).get("systems")).hasSize(DemoEnterprise.load().systems().size());
    }

    @Test
    void theExportedModelReadsBackAsTheDemoModel() {
        HttpResponse<String> export = admin().get("/api/model/export", "application/yaml");

        ModelLoad load = ModelReader.read("export.yaml", export.body());
        assertThat(load).isInstanceOfSatisfying(ModelLoad.Loaded.class,
                loaded -> assertThat(loaded.enterprise()).isEqualTo(DemoEnterprise.load()));
    }

    @Test
    void theDashboardFormNeedsTheCsrfTokenOfTheSession() {
        Http browser = Http.anonymous(port);
        HttpResponse<String> login = browser.logIn("rita", PASSWORD);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/"));
        String page = browser.getPage("/").body();
        assertThat(page).contains("Albion Motors").contains("Record a state change");

        HttpResponse<String> forged = browser.postForm("/systems/state",
                Map.of("system", "backup-server", "state", "restored", "reason", "forged"));
        HttpResponse<String> genuine = browser.postForm("/systems/state",
                Map.of("system", "backup-server", "state", "restored", "reason", "restored from the vault", "_csrf", Http.csrfToken(page)));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(genuine.statusCode()).isEqualTo(200);
        assertThat(genuine.body()).contains("backup-server is now restored.");
    }

    @Test
    void anExecutiveSeesTheDashboardWithoutTheChangeForm() {
        Http browser = Http.anonymous(port);
        browser.logIn("edward", PASSWORD);

        String page = browser.getPage("/").body();

        assertThat(page).contains("Business processes").doesNotContain("Record a state change");
    }

    @Test
    void pagesAreServedWithStrictSecurityHeaders() {
        HttpResponse<String> login = Http.anonymous(port).getPage("/login");

        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline"));
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.body()).doesNotContain("<script>").doesNotContain("style=");
    }

    @Test
    void theOpenApiDescriptionCoversTheModelStatesAndImpact() {
        String description = admin().get("/v3/api-docs").body();

        assertThat(description).contains("\"/api/model\"", "\"/api/impact\"", "\"/api/systems/{id}/state\"", "Rebound API");
    }

    @Test
    void aResponderComputesAPlanThatIsKeptAsAVersion() {
        Http rita = Http.basic(port, "rita", PASSWORD);

        HttpResponse<String> created = rita.postJson("/api/plans",
                "{\"engine\": \"cpsat\", \"time_limit\": \"1s\", \"reason\": \"morning stand-up\"}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode version = read(created);
        JsonNode plan = version.get("plan");
        assertThat(version.get("created_by").asString()).isEqualTo("rita");
        assertThat(plan.get("engine").asString()).isEqualTo("cpsat");
        assertThat(plan.get("activities").size()).isGreaterThan(10);
        assertThat(plan.get("processes").get(0).get("p90").asString()).endsWith("Z");
        JsonNode latest = read(admin().get("/api/plans/latest"));
        assertThat(latest.get("objective").asDouble()).isEqualTo(plan.get("objective").asDouble());
        JsonNode history = read(admin().get("/api/plans"));
        assertThat(history.get(0).get("id").asLong()).isEqualTo(version.get("id").asLong());
        assertThat(history.get(0).get("reason").asString()).isEqualTo("morning stand-up");
    }

    @Test
    void reportedProgressIsKeptByTheNextPlan() {
        Http rita = Http.basic(port, "rita", PASSWORD);
        String started = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(7200).toString();

        HttpResponse<String> reported = rita.postJson("/api/plans/progress", "{\"system\": \"oracle-db\", \"kind\": \"triage\","
                + " \"status\": \"started\", \"team\": \"database\", \"occurred_at\": \"" + started + "\", \"remaining\": \"3h\"}");
        JsonNode plan = read(rita.postJson("/api/plans", "{\"engine\": \"heuristic\", \"reason\": \"oracle triage under way\"}")).get("plan");

        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(204);
        JsonNode triage = null;
        for (JsonNode activity : plan.get("activities")) {
            if (activity.get("system").asString().equals("oracle-db") && activity.get("kind").asString().equals("triage")) {
                triage = activity;
            }
        }
        assertThat(triage).isNotNull();
        assertThat(triage.get("status").asString()).isEqualTo("in-progress");
        assertThat(Instant.parse(triage.get("start").asString())).isEqualTo(Instant.parse(started));
        assertThat(triage.get("team").asString()).isEqualTo("database");
    }

    @Test
    void aPlanRequestWithoutAReasonOrFromAnExecutiveIsRefused() {
        HttpResponse<String> noReason = Http.basic(port, "rita", PASSWORD).postJson("/api/plans", "{\"engine\": \"heuristic\"}");
        HttpResponse<String> executive = Http.basic(port, "edward", PASSWORD).postJson("/api/plans",
                "{\"engine\": \"heuristic\", \"reason\": \"curious\"}");
        HttpResponse<String> badEngine = Http.basic(port, "rita", PASSWORD).postJson("/api/plans",
                "{\"engine\": \"magic\", \"reason\": \"curious\"}");

        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(read(noReason).get("field").asString()).isEqualTo("reason");
        assertThat(executive.statusCode()).isEqualTo(403);
        assertThat(badEngine.statusCode()).isEqualTo(400);
        assertThat(read(badEngine).get("field").asString()).isEqualTo("engine");
    }

    @Test
    void thePlanPageShowsTheLatestPlanAndOffersReplanningToResponders() {
        Http.basic(port, "rita", PASSWORD).postJson("/api/plans", "{\"engine\": \"heuristic\", \"reason\": \"for the page\"}");
        Http responder = Http.anonymous(port);
        responder.logIn("rita", PASSWORD);
        Http executive = Http.anonymous(port);
        executive.logIn("edward", PASSWORD);

        String page = responder.getPage("/plan").body();

        assertThat(page).contains("Activities by team", "When each process is back", "Compute a new plan", "data-process=\"vehicle-production-north\"");
        assertThat(executive.getPage("/plan").body()).contains("Activities by team").doesNotContain("Compute a new plan");
    }

    @Test
    void onlyAnAdminReadsTheAuditLogWhichRecordsChangesAndVerifies() {
        Http.basic(port, "rita", PASSWORD).postJson("/api/systems/print-services/state",
                "{\"state\": \"isolated\", \"reason\": \"printer spooler looked odd\"}");

        HttpResponse<String> entries = admin().get("/api/audit?limit=5");
        JsonNode verification = read(admin().get("/api/audit/verify"));

        assertThat(Http.basic(port, "rita", PASSWORD).get("/api/audit").statusCode()).isEqualTo(403);
        assertThat(entries.body()).contains("system/print-services", "printer spooler looked odd", "\"actor\":\"rita\"");
        assertThat(verification.get("first_broken").isNull()).isTrue();
        assertThat(verification.get("entries").asLong()).isGreaterThan(10);
    }

    @Test
    void openDashboardsAreToldOfEveryChange() throws Exception {
        Http admin = admin();
        CompletableFuture<String> announced = new CompletableFuture<>();
        var stream = admin.client().sendAsync(admin.request("/dashboard/stream").header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (InputStream body = stream.get(10, TimeUnit.SECONDS).body();
                 BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data:") && line.contains("hq-endpoints")) {
                        announced.complete(line);
                        return;
                    }
                }
            } catch (Exception failed) {
                announced.completeExceptionally(failed);
            }
        });
        reader.setDaemon(true);
        reader.start();
        Thread.sleep(500);

        admin.postJson("/api/systems/hq-endpoints/state", "{\"state\": \"restored\", \"reason\": \"reimaged\"}");

        assertThat(announced.get(10, TimeUnit.SECONDS)).isEqualTo("data:system hq-endpoints restored");
    }

    @Test
    void aDashboardStreamIsOpenAtOnceNotAtTheFirstChange() throws Exception {
        Http admin = admin();
        HttpResponse<InputStream> stream = admin.client().sendAsync(admin.request("/dashboard/stream")
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream())
                .get(10, TimeUnit.SECONDS);

        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(lines.readLine()).isEqualTo(":connected");
            assertThat(lines.readLine()).isEqualTo("retry:3000");
        }
    }

    /** The administrator must use a second factor, so scripts act as admin with a token. */
    private Http admin() {
        return Http.bearer(port, adminToken);
    }

    private JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private static String stateOf(JsonNode impact, String process) {
        for (JsonNode candidate : impact.get("processes")) {
            if (candidate.get("id").asString().equals(process)) {
                return candidate.get("state").asString();
            }
        }
        throw new AssertionError("no process " + process);
    }

    @Test
    void theNotificationDutiesDraftsAlertsReportsAndExercisesOfTheDemoIncidentAreStoredAndRead() {
        Http admin = Http.bearer(port, adminToken);
        long incident = read(admin.get("/api/incidents")).get(0).get("incident").get("id").asLong();
        String duties = "/api/incidents/" + incident + "/obligations";

        JsonNode report = read(admin.get(duties));
        assertThat(report.get("profile").get("name").asString()).isEqualTo("Albion Motors");
        assertThat(report.get("facts_recorded_by").asString()).isEqualTo("admin");
        assertThat(report.get("notices").get(0).get("reference").asString()).isEqualTo("ICO/IC-401287");
        assertThat(admin.postJson(duties + "/materiality", "{\"material\": true, \"determined_at\": \""
                + Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\"}").statusCode()).isEqualTo(201);
        assertThat(read(admin.get(duties)).get("materiality_decisions").get(0).get("material").asBoolean()).isTrue();

        String drafts = "/api/incidents/" + incident + "/drafts";
        HttpResponse<String> draft = admin.postJson(drafts, "{\"template\": \"supplier-update\", \"contact\": \"Supply chain desk, +44 20 7946 0100\"}");
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        long id = read(draft).get("id").asLong();
        assertThat(read(admin.postJson(drafts + "/" + id + "/approval", "{}")).get("status").asString()).isEqualTo("approved");
        assertThat(read(admin.get(drafts)).get(0).get("approved_by").asString()).isEqualTo("admin");

        alerts.raiseDue(Instant.now());
        assertThat(admin.get("/api/obligations/alerts").body()).contains("OVERDUE: Send the NIS2 early warning");

        assertThat(admin.put("/api/incidents/" + incident + "/report/lessons", "application/json",
                "{\"lessons\": \"Verify callers before resetting MFA.\"}").statusCode()).isEqualTo(200);
        assertThat(admin.get("/api/incidents/" + incident + "/report?format=html").body()).contains("Verify callers before resetting MFA.");
        assertThat(admin.postJson("/api/readiness/exercises", "{\"scenario\": \"edi-outage\", \"samples\": 20}").statusCode())
                .isEqualTo(200);
    }
}
