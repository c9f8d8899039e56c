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
     * @param passwordChangeRequired whether the password was issued by an administrator and must be replaced at the next login
     */
    public record Account(String username, String passwordHash, Set<Role> roles, boolean enabled, @Nullable Instant lockedUntil,
                          boolean passwordChangeRequired) {

        public boolean isLockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }

    private final JdbcClient jdbc;

    public UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String ACCOUNT_COLUMNS = "username, password_hash, roles, enabled, locked_until, password_change_required";

    public Optional<Account> find(String username) {
        return jdbc.sql("select " + ACCOUNT_COLUMNS + " from app_user where username = :username")
                .param("username", username)
                .query(UserStore::account)
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

    /** Sets the password the user chose, which also lifts a lock. */
    public void changePassword(String username, String passwordHash) {
        setPassword(username, passwordHash, false);
    }

    /** Sets a password an administrator issued: it lifts a lock and must be replaced at the next login. */
    public void issuePassword(String username, String passwordHash) {
        setPassword(username, passwordHash, true);
    }

    private void setPassword(String username, String passwordHash, boolean changeRequired) {
        int updated = jdbc.sql("update app_user set password_hash = :hash, password_change_required = :required, failed_logins = 0, "
                        + "locked_until = null where username = :username")
                .param("hash", passwordHash)
                .param("required", changeRequired)
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

    /** Every account, by name. */
    public java.util.List<Account> all() {
        return jdbc.sql("select " + ACCOUNT_COLUMNS + " from app_user order by username").query(UserStore::account).list();
    }

    public void update(String username, Set<Role> roles, boolean enabled) {
        jdbc.sql("update app_user set roles = :roles, enabled = :enabled where username = :username")
                .param("roles", roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")))
                .param("enabled", enabled)
                .param("username", username)
                .update();
    }

    /** The account's TOTP secret and the last time step a code was accepted at, if it has enrolled. */
    public record SecondFactorState(String secret, long lastStep) {
    }

    public java.util.Optional<SecondFactorState> secondFactor(String username) {
        return jdbc.sql("select totp_secret, totp_last_step from app_user where username = :username and totp_secret is not null")
                .param("username", username)
                .query((row, number) -> new SecondFactorState(row.getString("totp_secret"), row.getLong("totp_last_step")))
                .optional();
    }

    /** Enrols (or with a null secret, removes) the account's TOTP secret and its recovery codes' hashes. */
    public void setSecondFactor(String username, @Nullable String secret, long lastStep, java.util.List<String> recoveryCodeHashes) {
        jdbc.sql("update app_user set totp_secret = :secret, totp_last_step = :step where username = :username")
                .param("secret", secret).param("step", lastStep).param("username", username).update();
        jdbc.sql("delete from recovery_code where username = :username").param("username", username).update();
        for (String hash : recoveryCodeHashes) {
            jdbc.sql("insert into recovery_code (username, code_hash) values (:username, :hash)")
                    .param("username", username).param("hash", hash).update();
        }
    }

    /** Records that a code of this time step was accepted, so that it is never accepted again. */
    public void usedStep(String username, long step) {
        jdbc.sql("update app_user set totp_last_step = :step where username = :username")
                .param("step", step).param("username", username).update();
    }

    /** The unused recovery codes' hashes, by id. */
    public java.util.Map<Long, String> unusedRecoveryCodes(String username) {
        java.util.Map<Long, String> codes = new java.util.LinkedHashMap<>();
        jdbc.sql("select id, code_hash from recovery_code where username = :username and used_at is null order by id")
                .param("username", username)
                .query((org.springframework.jdbc.core.RowCallbackHandler) row -> codes.put(row.getLong("id"), row.getString("code_hash")));
        return codes;
    }

    public void useRecoveryCode(long id, Instant at) {
        jdbc.sql("update recovery_code set used_at = :at where id = :id").param("at", Rows.timestamp(at)).param("id", id).update();
    }

    /** A successful login clears the count of wrong passwords. */
    public void recordSuccess(String username) {
        jdbc.sql("update app_user set failed_logins = 0 where username = :username and failed_logins > 0")
                .param("username", username).update();
    }

    private static Account account(java.sql.ResultSet row, int number) throws java.sql.SQLException {
        var locked = row.getObject("locked_until", java.time.OffsetDateTime.class);
        return new Account(row.getString("username"), row.getString("password_hash"), roles(row.getString("roles")),
                row.getBoolean("enabled"), locked == null ? null : locked.toInstant(), row.getBoolean("password_change_required"));
    }

    private static Set<Role> roles(String column) {
        return Arrays.stream(column.split(","))
                .filter(name -> !name.isBlank())
                .map(name -> Role.valueOf(name.trim()))
                .collect(Collectors.toUnmodifiableSet());
    }
}
