package org.rebound.security.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rebound.model.io.Durations;
import org.rebound.security.ApiTokenStore.StoredToken;
import org.rebound.security.ApiTokens;
import org.rebound.security.Role;
import org.rebound.web.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tokens")
class TokensApi {

    /** A request for a token; {@code scope} is {@code read} (default) or {@code write}, {@code expires_in} defaults to 30 days. */
    record TokenRequest(@Nullable String name, @Nullable String scope, @Nullable String expiresIn) {
    }

    /** A token just issued: {@code token} is shown this once. */
    record IssuedToken(long id, String name, String scope, Instant expiresAt, String token) {
    }

    private final ApiTokens tokens;

    TokensApi(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    ResponseEntity<?> issue(@RequestBody TokenRequest request, Authentication user) {
        if (user.getAuthorities().stream().anyMatch(granted -> granted.getAuthority().equals(ApiTokens.AUTHENTICATED_BY_TOKEN))) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiProblems.forbidden("a token cannot issue tokens; log in as the user"));
        }
        Duration lifetime = request.expiresIn() == null ? Duration.ofDays(30) : Durations.parse(request.expiresIn()).orElse(Duration.ZERO);
        try {
            ApiTokens.Issued issued = tokens.issue(user.getName(), request.name() == null ? "" : request.name(),
                    request.scope() == null ? ApiTokens.READ : request.scope(), lifetime);
            StoredToken token = issued.token();
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(new IssuedToken(token.id(), token.name(), token.scope(), token.expiresAt(), issued.value()));
        } catch (IllegalArgumentException invalid) {
            String message = invalid.getMessage();
            int colon = message.indexOf(':');
            return ResponseEntity.badRequest().body(ApiProblems.badRequest(message.substring(0, colon), message.substring(colon + 2)));
        }
    }

    /** The caller's tokens, without their values. */
    @GetMapping
    List<StoredToken> mine(Authentication user) {
        return tokens.of(user.getName());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<?> revoke(@PathVariable long id, Authentication user) {
        boolean admin = user.getAuthorities().stream().anyMatch(granted -> granted.getAuthority().equals(Role.ADMIN.authority()));
        return tokens.revoke(id, user.getName(), admin)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.status(404).body(ApiProblems.notFound("no token " + id + " of yours"));
    }
}
