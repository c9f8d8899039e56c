package org.rebound.security;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rebound.audit.AuditLog;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the administrator on first start, and resets its password on request. The password is
 * random (about 116 bits) unless one is supplied, for example from {@code REBOUND_ADMIN_PASSWORD};
 * it is returned once for printing and only its hash is kept.
 */
public final class AdminAccount {

    public static final String USERNAME = "admin";

    private final UserStore users;
    private final AuditLog audit;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public AdminAccount(UserStore users, AuditLog audit, PasswordEncoder encoder, TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.encoder = encoder;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Creates the administrator if there are no accounts yet.
     *
     * @return the password to show once, or empty if accounts already existed or the password was supplied
     */
    public Optional<String> createIfNoAccounts(@Nullable String suppliedPassword) {
        if (users.count() > 0) {
            return Optional.empty();
        }
        String password = suppliedPassword == null ? Passwords.generate() : checked(suppliedPassword);
        transactions.executeWithoutResult(status -> {
            users.create(USERNAME, encoder.encode(password), Set.of(Role.ADMIN, Role.INCIDENT_COMMANDER), clock.instant());
            audit.record(clock.instant(), "rebound", "user.create", "user/" + USERNAME, "administrator created on first start");
        });
        return suppliedPassword == null ? Optional.of(password) : Optional.empty();
    }

    /**
     * Gives the administrator a new random password and returns it, creating the account if it is
     * missing; its second factor is removed too (the usual reason for a reset is a lost phone), so it
     * enrols again at the next login.
     */
    public String resetPassword(String actor) {
        String password = Passwords.generate();
        transactions.executeWithoutResult(status -> {
            if (users.find(USERNAME).isPresent()) {
                users.changePassword(USERNAME, encoder.encode(password));
                users.setSecondFactor(USERNAME, null, 0, java.util.List.of());
            } else {
                users.create(USERNAME, encoder.encode(password), Set.of(Role.ADMIN, Role.INCIDENT_COMMANDER), clock.instant());
            }
            audit.record(clock.instant(), actor, "user.password-reset", "user/" + USERNAME, "administrator password and second factor reset");
        });
        return password;
    }

    private static String checked(String supplied) {
        if (supplied.length() < Passwords.MIN_LENGTH) {
            throw new IllegalArgumentException("the administrator password must have at least " + Passwords.MIN_LENGTH + " characters");
        }
        return supplied;
    }

    /** The notice printed once when a password was generated; {@code what} says what happened to the account. */
    public static String notice(String what, String password) {
        String rule = "=".repeat(72);
        return rule + "\n"
                + " Rebound " + what + ". Note the password now:\n"
                + " it is shown only this once and stored only as a hash.\n"
                + "   user:     " + USERNAME + "\n"
                + "   password: " + password + "\n"
                + rule;
    }
}
