package org.rebound.server;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.rebound.security.ApiTokens;
import org.rebound.security.Role;
import org.rebound.security.UserStore;
import org.rebound.storage.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the integration tests that run the server with the demo on fresh storage share: the port, a
 * way to add team members and tokens, and reading JSON answers. Each subclass boots its own server.
 */
abstract class DemoServerTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    UserStore users;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    ApiTokens tokens;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.bootOnFreshH2(registry);
    }

    /** Creates the account unless an earlier test did. */
    void member(String username, String password, Role role) {
        if (users.find(username).isEmpty()) {
            users.create(username, encoder.encode(password), Set.of(role), Instant.now());
        }
    }

    /** Accounts with a second factor script with a token; tests take the shortcut of issuing one directly. */
    Http withToken(String username) {
        return Http.bearer(port, tokens.issue(username, "integration test", ApiTokens.WRITE, Duration.ofHours(1)).value());
    }

    JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }
}
