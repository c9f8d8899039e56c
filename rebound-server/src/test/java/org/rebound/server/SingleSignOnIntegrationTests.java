package org.rebound.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rebound.security.Role;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on through an OpenID Connect provider (a small one run by the test, signing its ID
 * tokens with its own key): the provider vouches for the person, Rebound's own account decides what
 * they may do and asks for Rebound's second factor where required, and local logins keep working
 * when the provider is down.
 */
@SpringBootTest(classes = ReboundServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rebound.demo=true", "rebound.admin-password=sso-test-admin-password", "rebound.tick-interval=1h",
                "rebound.obligations.alert-check-interval=1h"})
class SingleSignOnIntegrationTests extends DemoServerTests {

    private static final String PASSWORD = "sso-test-password";
    private static final Provider IDP = Provider.start();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        String prefix = "spring.security.oauth2.client.";
        registry.add(prefix + "registration.corp.client-id", () -> "rebound");
        registry.add(prefix + "registration.corp.client-secret", () -> "sso-client-secret");
        registry.add(prefix + "registration.corp.client-name", () -> "Albion SSO");
        registry.add(prefix + "registration.corp.authorization-grant-type", () -> "authorization_code");
        registry.add(prefix + "registration.corp.redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        registry.add(prefix + "registration.corp.scope", () -> "openid,profile");
        registry.add(prefix + "provider.corp.authorization-uri", () -> IDP.url("/authorize"));
        registry.add(prefix + "provider.corp.token-uri", () -> IDP.url("/token"));
        registry.add(prefix + "provider.corp.jwk-set-uri", () -> IDP.url("/jwks"));
        registry.add(prefix + "provider.corp.user-name-attribute", () -> "preferred_username");
    }

    @AfterAll
    static void stopProvider() {
        IDP.server.stop(0);
    }

    @BeforeEach
    void accounts() {
        member("rita", PASSWORD, Role.RESPONDER);
    }

    @Test
    void aResponderTheProviderVouchesForIsSignedInWithTheRolesOfTheirReboundAccount() throws Exception {
        Browser browser = new Browser();

        String landing = browser.signInThroughProvider("rita");

        assertThat(landing).isEqualTo("/");
        assertThat(browser.get("/api/incidents").statusCode()).isEqualTo(200);
        assertThat(browser.get("/api/audit").statusCode()).as("a responder is no administrator").isEqualTo(403);
    }

    @Test
    void anAdministratorMustStillSetUpReboundsSecondFactor() throws Exception {
        Browser browser = new Browser();

        assertThat(browser.signInThroughProvider("admin")).isEqualTo("/account/mfa/enrol");
        assertThat(browser.get("/api/incidents").statusCode()).as("no role before the second factor").isEqualTo(403);
        assertThat(browser.get("/account/mfa/enrol").statusCode()).isEqualTo(200);
    }

    @Test
    void someoneWithoutAReboundAccountIsRefused() throws Exception {
        Browser browser = new Browser();

        assertThat(browser.signInThroughProvider("mallory")).isEqualTo("/login?sso-refused");
        assertThat(browser.get("/api/incidents").statusCode()).isEqualTo(401);
    }

    @Test
    void theLoginPageOffersTheProviderAndLocalLoginsWorkWhileItIsDown() throws Exception {
        assertThat(Http.anonymous(port).getPage("/login").body()).contains("href=\"/oauth2/authorization/corp\"", "Sign in with Albion SSO");
        IDP.down = true;
        try {
            assertThat(Http.basic(port, "rita", PASSWORD).get("/api/incidents").statusCode()).isEqualTo(200);
            assertThat(new Browser().signInThroughProvider("rita")).isEqualTo("/login?sso-failed");
        } finally {
            IDP.down = false;
        }
    }

    /** A browser: keeps cookies, follows the sign-in redirects one at a time. */
    private final class Browser {
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        /** Runs the authorization-code flow as {@code user}; returns where Rebound sends the browser at the end. */
        String signInThroughProvider(String user) throws Exception {
            IDP.nextUser = user;
            HttpResponse<String> toProvider = send(base() + "/oauth2/authorization/corp");
            assertThat(toProvider.statusCode()).isEqualTo(302);
            HttpResponse<String> back = send(toProvider.headers().firstValue("Location").orElseThrow());
            assertThat(back.statusCode()).isEqualTo(302);
            HttpResponse<String> landing = send(back.headers().firstValue("Location").orElseThrow());
            assertThat(landing.statusCode()).as(landing.body()).isEqualTo(302);
            return landing.headers().firstValue("Location").orElseThrow().replace(base(), "");
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(base() + path);
        }

        private HttpResponse<String> send(String url) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private String base() {
            return "http://127.0.0.1:" + port;
        }
    }

    /** The organisation's identity provider, as far as the authorization-code flow needs one. */
    static final class Provider {
        final HttpServer server;
        final RSAKey key;
        final Map<String, String[]> codes = new ConcurrentHashMap<>();
        volatile String nextUser = "";
        volatile boolean down;

        private Provider(HttpServer server, RSAKey key) {
            this.server = server;
            this.key = key;
        }

        static Provider start() {
            try {
                Provider provider = new Provider(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0),
                        new RSAKeyGenerator(2048).keyID("albion-sso").generate());
                provider.server.createContext("/authorize", provider::authorize);
                provider.server.createContext("/token", provider::token);
                provider.server.createContext("/jwks", exchange -> provider.reply(exchange, 200,
                        new JWKSet(provider.key.toPublicJWK()).toString()));
                provider.server.start();
                return provider;
            } catch (Exception failed) {
                throw new IllegalStateException("the test identity provider did not start", failed);
            }
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        private void authorize(HttpExchange exchange) throws IOException {
            Map<String, String> query = parameters(exchange.getRequestURI().getRawQuery());
            String code = UUID.randomUUID().toString();
            codes.put(code, new String[] {nextUser, query.get("nonce")});
            exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?code=" + code + "&state="
                    + java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        }

        private void token(HttpExchange exchange) throws IOException {
            if (down) {
                reply(exchange, 503, "{\"error\": \"temporarily_unavailable\"}");
                return;
            }
            Map<String, String> form = parameters(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String[] grant = codes.remove(form.get("code"));
            if (grant == null) {
                reply(exchange, 400, "{\"error\": \"invalid_grant\"}");
                return;
            }
            try {
                Instant now = Instant.now();
                JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(url("")).subject("sub-" + grant[0]).audience("rebound")
                        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).claim("preferred_username", grant[0]);
                if (grant[1] != null) {
                    claims.claim("nonce", grant[1]);
                }
                SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
                idToken.sign(new RSASSASigner(key));
                reply(exchange, 200, "{\"access_token\": \"at-" + grant[0] + "\", \"token_type\": \"Bearer\", \"expires_in\": 300,"
                        + " \"scope\": \"openid profile\", \"id_token\": \"" + idToken.serialize() + "\"}");
            } catch (Exception failed) {
                reply(exchange, 500, "{\"error\": \"" + failed.getMessage() + "\"}");
            }
        }

        private void reply(HttpExchange exchange, int status, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }

        private static Map<String, String> parameters(String encoded) {
            Map<String, String> parameters = new HashMap<>();
            if (encoded == null) {
                return parameters;
            }
            for (String pair : encoded.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
            return parameters;
        }
    }

}
