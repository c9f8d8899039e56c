package org.rebound.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rebound.model.demo.DemoEnterprise;
import org.rebound.security.ApiTokens;
import org.rebound.security.Role;
import org.rebound.security.SecondFactor;
import org.rebound.security.UserStore;
import org.rebound.storage.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every endpoint called as every role, against the table of who may do what. Administrators and
 * incident commanders call with tokens (their passwords alone are not enough); the others with
 * their passwords.
 */
@SpringBootTest(classes = ReboundServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rebound.demo=true", "rebound.admin-password=matrix-test-admin-password", "rebound.tick-interval=1h"})
class AuthorizationMatrixIntegrationTests {

    private static final String PASSWORD = "matrix-test-password";
    private static final Set<Role> EVERYONE_INSIDE = EnumSet.complementOf(EnumSet.of(Role.EXTERNAL_PARTNER));
    private static final Set<Role> OPERATORS = EnumSet.of(Role.ADMIN, Role.INCIDENT_COMMANDER, Role.RESPONDER);
    private static final Set<Role> COMMANDERS = EnumSet.of(Role.ADMIN, Role.INCIDENT_COMMANDER);
    private static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);

    /** One endpoint, a request body for it if it takes one, and the roles allowed to call it. */
    record Endpoint(String method, String path, String body, Set<Role> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/", "", EVERYONE_INSIDE),
            new Endpoint("GET", "/plan", "", EVERYONE_INSIDE),
            new Endpoint("GET", "/systems", "", EVERYONE_INSIDE),
            new Endpoint("GET", "/systems-table?q=erp", "", EVERYONE_INSIDE),
            new Endpoint("GET", "/systems/ad-core", "", EVERYONE_INSIDE),
            new Endpoint("GET", "/systems/ad-core/panel", "", EVERYONE_INSIDE),
            new Endpoint("GET", "/processes/vehicle-production-north/panel", "", EVERYONE_INSIDE),
            new Endpoint("GET", "/map", "", EVERYONE_INSIDE),
            new Endpoint("GET", "/api/map", "", EVERYONE_INSIDE),
            new Endpoint("GET", "/users", "", ADMINS),
            new Endpoint("GET", "/account/password", "", EnumSet.allOf(Role.class)),
            new Endpoint("GET", "/v3/api-docs", "", EVERYONE_INSIDE),
            new Endpoint("GET", "/api/impact", "", EVERYONE_INSIDE),
            new Endpoint("GET", "/api/impact/series?points=5", "", EVERYONE_INSIDE),
            new Endpoint("GET", "/api/impact/single-points-of-failure", "", EVERYONE_INSIDE),
            new Endpoint("GET", "/api/systems", "", EVERYONE_INSIDE),
            new Endpoint("GET", "/api/systems/ad-core", "", EVERYONE_INSIDE),
            new Endpoint("POST", "/api/systems/intranet/state", "{\"state\": \"suspected\", \"reason\": \"matrix test\"}", OPERATORS),
            new Endpoint("GET", "/api/model", "", EVERYONE_INSIDE),
            new Endpoint("GET", "/api/model/export", "", EVERYONE_INSIDE),
            new Endpoint("PUT", "/api/model", "yaml", ADMINS),
            new Endpoint("POST", "/api/scenarios/edi-outage/start", "{}", COMMANDERS),
            new Endpoint("GET", "/api/plans", "", EVERYONE_INSIDE),
            new Endpoint("GET", "/api/plans/latest", "", EVERYONE_INSIDE),
            new Endpoint("POST", "/api/plans", "{\"engine\": \"heuristic\", \"reason\": \"matrix test\"}", OPERATORS),
            new Endpoint("POST", "/api/plans/progress", "{\"system\": \"mainframe\", \"kind\": \"triage\", \"status\": \"started\", \"team\": \"x\"}", OPERATORS),
            new Endpoint("GET", "/incidents", "", EVERYONE_INSIDE),
            new Endpoint("GET", "/playbooks", "", EVERYONE_INSIDE),
            new Endpoint("GET", "/api/incidents", "", EnumSet.allOf(Role.class)),
            new Endpoint("POST", "/api/incidents", "{\"title\": \"Matrix incident\"}", COMMANDERS),
            new Endpoint("GET", "/api/playbooks", "", EVERYONE_INSIDE),
            new Endpoint("POST", "/api/playbooks", "{\"name\": \"Matrix playbook\", \"steps\": \"Check the matrix\"}", COMMANDERS),
            new Endpoint("GET", "/api/incidents/attack/techniques?q=T1486", "", EVERYONE_INSIDE),
            new Endpoint("GET", "/api/audit", "", ADMINS),
            new Endpoint("GET", "/api/audit/verify", "", ADMINS),
            new Endpoint("GET", "/api/users", "", ADMINS),
            new Endpoint("POST", "/api/users", "{\"username\": \"matrix-new\", \"roles\": []}", ADMINS),
            new Endpoint("GET", "/api/tokens", "", EVERYONE_INSIDE),
            new Endpoint("GET", "/api/organisation", "", EVERYONE_INSIDE),
            new Endpoint("PUT", "/api/organisation", "json", COMMANDERS),
            new Endpoint("GET", "/api/obligations/open", "", EVERYONE_INSIDE),
            new Endpoint("GET", "/api/obligations/alerts", "", EVERYONE_INSIDE),
            new Endpoint("GET", "/obligations/deadlines", "", EVERYONE_INSIDE),
            new Endpoint("GET", "/readiness", "", EVERYONE_INSIDE),
            new Endpoint("POST", "/api/readiness/exercises", "{\"scenario\": \"edi-outage\", \"samples\": 10}", EVERYONE_INSIDE));

    @LocalServerPort
    int port;

    @Autowired
    UserStore users;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    ApiTokens tokens;

    private final Map<Role, Http> callers = new EnumMap<>(Role.class);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.bootOnFreshH2(registry);
    }

    @BeforeEach
    void oneAccountPerRole() {
        for (Role role : Role.values()) {
            String username = "matrix-" + role.id();
            if (users.find(username).isEmpty()) {
                users.create(username, encoder.encode(PASSWORD), Set.of(role), Instant.now());
            }
            callers.put(role, SecondFactor.isRequiredFor(Set.of(role))
                    ? Http.bearer(port, tokens.issue(username, "matrix", ApiTokens.WRITE, Duration.ofHours(1)).value())
                    : Http.basic(port, username, PASSWORD));
        }
    }

    @Test
    void everyRoleGetsExactlyTheAccessTheTableGivesIt() {
        List<String> mismatches = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Role role : Role.values()) {
                HttpResponse<String> response = call(callers.get(role), endpoint);
                boolean denied = response.statusCode() == 401 || response.statusCode() == 403;
                if (denied == endpoint.allowed().contains(role)) {
                    mismatches.add(endpoint + " as " + role.id() + ": " + response.statusCode()
                            + (denied ? " but the table allows it" : " but the table denies it"));
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void strangersGetNothingButTheLoginPageAndHealth() {
        Http stranger = Http.anonymous(port);
        List<String> answered = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            int status = call(stranger, endpoint).statusCode();
            if (status != 401 && status != 403 && status != 302) {
                answered.add(endpoint + ": " + status);
            }
        }
        assertThat(answered).isEmpty();
        assertThat(stranger.getPage("/login").statusCode()).isEqualTo(200);
        assertThat(stranger.get("/actuator/health").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> call(Http caller, Endpoint endpoint) {
        return switch (endpoint.method()) {
            case "GET" -> endpoint.path().startsWith("/api") || endpoint.path().startsWith("/v3")
                    ? caller.get(endpoint.path()) : caller.getPage(endpoint.path());
            case "POST" -> caller.postJson(endpoint.path(), endpoint.body());
            case "PUT" -> endpoint.body().equals("yaml") ? caller.put(endpoint.path(), "application/yaml", DemoEnterprise.yaml())
                    : caller.put(endpoint.path(), "application/json", "{\"name\": \"Albion Motors\", \"country\": \"GB\"}");
            default -> throw new IllegalArgumentException(endpoint.method());
        };
    }
}
