package org.rebound.security;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.rebound.storage.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Local user accounts. Passwords are stored only as hashes. */
public final class UserStore {

    /** An account. {@code passwordHash} is in Spring Security's {@code {id}hash} form. */
    public record Account(String username, String passwordHash, Set<Role> roles, boolean enabled) {
    }

    private final JdbcClient jdbc;

    public UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> find(String username) {
        return jdbc.sql("select username, password_hash, roles, enabled from app_user where username = :username")
                .param("username", username)
                .query((row, number) -> new Account(row.getString("username"), row.getString("password_hash"),
                        roles(row.getString("roles")), row.getBoolean("enabled")))
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
        int updated = jdbc.sql("update app_user set password_hash = :hash where username = :username")
                .param("hash", passwordHash)
                .param("username", username)
                .update();
        if (updated != 1) {
            throw new IllegalArgumentException("no user '" + username + "'");
        }
    }

    private static Set<Role> roles(String column) {
        return Arrays.stream(column.split(","))
                .filter(name -> !name.isBlank())
                .map(name -> Role.valueOf(name.trim()))
                .collect(Collectors.toUnmodifiableSet());
    }
}
