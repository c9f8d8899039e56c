package org.rebound.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.rebound.security.LoginProtection;
import org.rebound.storage.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Its own server: the address it throttles is the one every test calls from. */
@SpringBootTest(classes = ReboundServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rebound.admin-password=" + LoginThrottlingIntegrationTests.ADMIN_PASSWORD, "rebound.tick-interval=1h"})
class LoginThrottlingIntegrationTests {

    static final String ADMIN_PASSWORD = "throttling-test-admin-password";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.bootOnFreshH2(registry);
    }

    @Test
    void anAddressGuessingManyPasswordsIsRefusedForAWhile() {
        for (int attempt = 0; attempt < LoginProtection.ADDRESS_LIMIT; attempt++) {
            assertThat(Http.basic(port, "user" + attempt, "guess").get("/api/impact").statusCode()).isEqualTo(401);
        }

        HttpResponse<String> refused = Http.basic(port, "admin", ADMIN_PASSWORD).get("/api/impact");
        HttpResponse<String> form = Http.anonymous(port).postForm("/login", java.util.Map.of("username", "admin", "password", ADMIN_PASSWORD));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).contains("300");
        assertThat(form.statusCode()).isEqualTo(429);
        assertThat(Http.anonymous(port).getPage("/login").statusCode()).as("the login page itself stays readable").isEqualTo(200);
    }
}
