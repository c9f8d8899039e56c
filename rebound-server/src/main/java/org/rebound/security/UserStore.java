package org.rebound.security;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.rebound.storage.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Local user accounts. Passwords are stored only as hashes. */
public final class UserStore {

    /**
     * An account. {@code passwordHash} is in Spring Security's {@code {id}hash} form.
     *
     * @param lockedUntil when a lock after repeated wrong passwords ends, or null when not locked
     */
    public record Account(String username, String passwordHash, Set<Role> roles, boolean enabled, @Nullable Instant lockedUntil) {

        public boolean isLockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }

    private final JdbcClient jdbc;

    public UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> find(String username) {
        return jdbc.sql("select username, password_hash, roles, enabled, locked_until from app_user where username = :username")
                .param("username", username)
                .query((row, number) -> {
                    var locked = row.getObject("locked_until", java.time.OffsetDateTime.class);
                    return new Account(row.getString("username"), row.getString("password_hash"), roles(row.getString("roles")),
                            row.getBoolean("enabled"), locked == null ? null : locked.toInstant());
                })
                .optional();
    }

    public long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    public void create(String username, String passwordHash, Set<Role> roles, Instant at) {
        jdbc.sql("insert into app_user (username, password_hash, roles, enabled, created_at) values (:username, :hash, :roles, true, :at)")
                .param("username", username)
                .param("hash", passwordHash)
                .param("roles", roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")))
                .param("at", Rows.timestamp(at))
                .update();
    }

    public void changePassword(String username, String passwordHash) {
        int updated = jdbc.sql("update app_user set password_hash = :hash, failed_logins = 0, locked_until = null where username = :username")
                .param("hash", passwordHash)
                .param("username", username)
                .update();
        if (updated != 1) {
            throw new IllegalArgumentException("no user '" + username + "'");
        }
    }

    /**
     * Counts a wrong password; the {@code limit}-th in a row locks the account until {@code lockUntil}
     * and starts the count again.
     *
     * @return whether this failure locked the account
     */
    public boolean recordFailure(String username, int limit, Instant lockUntil) {
        int failures = jdbc.sql("select failed_logins from app_user where username = :username")
                .param("username", username).query(Integer.class).optional().orElse(-1);
        if (failures < 0) {
            return false;
        }
        boolean locks = failures + 1 >= limit;
        jdbc.sql("update app_user set failed_logins = :failures, locked_until = :until where username = :username")
                .param("failures", locks ? 0 : failures + 1)
                .param("until", locks ? Rows.timestamp(lockUntil) : null)
                .param("username", username)
                .update();
        return locks;
    }

    /** A successful login clears the count of wrong passwords. */
    public void recordSuccess(String username) {
        jdbc.sql("update app_user set failed_logins = 0 where username = :username and failed_logins > 0")
                .param("username", username).update();
    }

    private static Set<Role> roles(String column) {
        return Arrays.stream(column.split(","))
                .filter(name -> !name.isBlank())
                .map(name -> Role.valueOf(name.trim()))
                .collect(Collectors.toUnmodifiableSet());
    }
}
