package org.rebound.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.rebound.audit.AuditLog;
import org.rebound.security.ApiTokenStore.StoredToken;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tokens for scripts and integrations: issued by a logged-in user, acting as that user with either
 * all their rights ({@code write}) or only reading ({@code read}), expiring, revocable. The value
 * ({@code rbd_} and 256 random bits) is shown once; only its SHA-256 is kept.
 */
public final class ApiTokens {

    public static final String PREFIX = "rbd_";
    public static final String READ = "read";
    public static final String WRITE = "write";
    public static final Duration LONGEST = Duration.ofDays(365);
    /** Granted to requests authenticated by a token, which may not issue further tokens. */
    public static final String AUTHENTICATED_BY_TOKEN = "TOKEN_AUTHENTICATED";
    /** Granted to requests authenticated by a read token. */
    public static final String READ_ONLY = "TOKEN_READ_ONLY";

    /** A token just issued, with its value to show once. */
    public record Issued(StoredToken token, String value) {
    }

    private final ApiTokenStore tokens;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(ApiTokenStore tokens, AuditLog audit, TransactionTemplate transactions, Clock clock) {
        this.tokens = tokens;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * @throws IllegalArgumentException naming the field when the name, scope or lifetime is wrong
     */
    public Issued issue(String username, String name, String scope, Duration lifetime) {
        if (name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("name: say what the token is for, in at most 200 characters");
        }
        if (!scope.equals(READ) && !scope.equals(WRITE)) {
            throw new IllegalArgumentException("scope: read or write, not '" + scope + "'");
        }
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("expires_in: between 1s and " + LONGEST.toDays() + "d");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        StoredToken token = transactions.execute(status -> {
            StoredToken created = tokens.create(username, name.strip(), hash(value), scope, now, now.plus(lifetime));
            audit.record(now, username, "token.issue", "token/" + created.id(),
                    scope + " token '" + created.name() + "' until " + created.expiresAt());
            return created;
        });
        return new Issued(token, value);
    }

    /** The valid token with this value, noting its use; empty when unknown, expired or revoked. */
    public Optional<StoredToken> authenticate(String value) {
        if (!value.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<StoredToken> token = tokens.byHash(hash(value)).filter(found -> found.isValidAt(now));
        token.ifPresent(found -> tokens.used(found.id(), now));
        return token;
    }

    public List<StoredToken> of(String username) {
        return tokens.of(username);
    }

    /** Revokes a token of {@code username}'s, or any token when {@code admin}; false when there is no such token of theirs. */
    public boolean revoke(long id, String username, boolean admin) {
        Optional<StoredToken> token = tokens.byId(id).filter(found -> admin || found.username().equals(username));
        if (token.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            tokens.revoke(id, now);
            audit.record(now, username, "token.revoke", "token/" + id, "revoked '" + token.get().name() + "' of " + token.get().username());
        });
        return true;
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", missing);
        }
    }
}
