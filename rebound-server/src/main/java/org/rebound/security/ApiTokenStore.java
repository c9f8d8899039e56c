package org.rebound.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rebound.storage.Rows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** API tokens, by the SHA-256 of their value. */
public final class ApiTokenStore {

    /** A token as stored: never its value. */
    public record StoredToken(long id, String username, String name, String scope, Instant createdAt, Instant expiresAt,
                              @Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {

        public boolean isValidAt(Instant now) {
            return revokedAt == null && now.isBefore(expiresAt);
        }
    }

    private static final RowMapper<StoredToken> ROW = (row, number) -> new StoredToken(row.getLong("id"), row.getString("username"),
            row.getString("name"), row.getString("scope"), Rows.instant(row, "created_at"), Rows.instant(row, "expires_at"),
            Rows.instantOrNull(row, "revoked_at"), Rows.instantOrNull(row, "last_used_at"));

    private final JdbcClient jdbc;

    public ApiTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public StoredToken create(String username, String name, String hash, String scope, Instant at, Instant expiresAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into api_token (username, name, token_hash, scope, created_at, expires_at)
                        values (:username, :name, :hash, :scope, :at, :expires)""")
                .param("username", username).param("name", name).param("hash", hash).param("scope", scope)
                .param("at", Rows.timestamp(at)).param("expires", Rows.timestamp(expiresAt))
                .update(key, "id");
        return new StoredToken(key.getKey().longValue(), username, name, scope, at, expiresAt, null, null);
    }

    public Optional<StoredToken> byHash(String hash) {
        return jdbc.sql("select * from api_token where token_hash = :hash").param("hash", hash).query(ROW).optional();
    }

    public Optional<StoredToken> byId(long id) {
        return jdbc.sql("select * from api_token where id = :id").param("id", id).query(ROW).optional();
    }

    public List<StoredToken> of(String username) {
        return jdbc.sql("select * from api_token where username = :username order by id").param("username", username).query(ROW).list();
    }

    public void revoke(long id, Instant at) {
        jdbc.sql("update api_token set revoked_at = :at where id = :id and revoked_at is null")
                .param("at", Rows.timestamp(at)).param("id", id).update();
    }

    public void used(long id, Instant at) {
        jdbc.sql("update api_token set last_used_at = :at where id = :id").param("at", Rows.timestamp(at)).param("id", id).update();
    }
}
