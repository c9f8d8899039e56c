package org.rebound.security;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.rebound.audit.AuditLog;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Administration of the incident team's accounts: create them with roles and a one-time password,
 * change roles, disable, reset a password or a second factor. Every change is audited, and an
 * administrator cannot lock themselves out.
 */
public final class Accounts {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    /** An account as administrators see it. */
    public record AccountView(String username, Set<Role> roles, boolean enabled, boolean secondFactor, @Nullable Instant lockedUntil,
                              boolean passwordChangeRequired) {
    }

    /** An account just created, or given a new password, with the password to pass on once. */
    public record WithPassword(AccountView account, String password) {
    }

    private final UserStore users;
    private final SecondFactor secondFactor;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public Accounts(UserStore users, SecondFactor secondFactor, PasswordEncoder encoder, AuditLog audit,
                    TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.secondFactor = secondFactor;
        this.encoder = encoder;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    public List<AccountView> all() {
        return users.all().stream().map(this::view).toList();
    }

    /**
     * @throws IllegalArgumentException naming the field when the name is taken or malformed, or no role is given
     */
    public WithPassword create(String username, Set<Role> roles, String actor) {
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username: 2 to 64 lower-case letters, digits, '.', '_' or '-'");
        }
        if (users.find(username).isPresent()) {
            throw new IllegalArgumentException("username: '" + username + "' is taken");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("roles: give at least one role");
        }
        String password = Passwords.generate();
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            String hash = encoder.encode(password);
            users.create(username, hash, roles, now);
            users.issuePassword(username, hash);
            audit.record(now, actor, "user.create", "user/" + username, "roles " + names(roles));
        });
        return new WithPassword(view(users.find(username).orElseThrow()), password);
    }

    /** Changes roles and whether the account may log in; empty when there is no such account. */
    public Optional<AccountView> update(String username, Set<Role> roles, boolean enabled, String actor) {
        Optional<UserStore.Account> account = users.find(username);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("roles: give at least one role");
        }
        if (username.equals(actor) && (!enabled || !roles.contains(Role.ADMIN))) {
            throw new IllegalArgumentException("roles: you cannot disable yourself or remove your own administrator role");
        }
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            users.update(username, roles, enabled);
            audit.record(now, actor, "user.update", "user/" + username, "roles " + names(account.get().roles()) + " -> "
                    + names(roles) + (enabled == account.get().enabled() ? "" : enabled ? ", enabled" : ", disabled"));
        });
        return users.find(username).map(this::view);
    }

    /**
     * A new one-time password, which lifts a lock and must be replaced at the next login; empty when
     * there is no such account.
     */
    public Optional<WithPassword> resetPassword(String username, String actor) {
        if (users.find(username).isEmpty()) {
            return Optional.empty();
        }
        String password = Passwords.generate();
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            users.issuePassword(username, encoder.encode(password));
            audit.record(now, actor, "user.password-reset", "user/" + username, "one-time password issued");
        });
        return users.find(username).map(account -> new WithPassword(view(account), password));
    }

    /**
     * The user replaces their password, knowing the current one.
     *
     * @throws IllegalArgumentException naming the field when the current password is wrong or the new one too weak
     */
    public void changeOwnPassword(String username, String current, String chosen) {
        UserStore.Account account = users.find(username).orElseThrow(() -> new IllegalArgumentException("username: no user '" + username + "'"));
        if (!encoder.matches(current, account.passwordHash())) {
            throw new IllegalArgumentException("current: that is not your current password");
        }
        if (chosen.equals(current)) {
            throw new IllegalArgumentException("chosen: choose a password different from the current one");
        }
        Passwords.weakness(username, chosen).ifPresent(weakness -> {
            throw new IllegalArgumentException("chosen: " + weakness);
        });
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            users.changePassword(username, encoder.encode(chosen));
            audit.record(now, username, "user.password-change", "user/" + username, "password chosen by the user");
        });
    }

    /** Removes a second factor, for a lost phone; false when there is no such account. */
    public boolean resetSecondFactor(String username, String actor) {
        if (users.find(username).isEmpty()) {
            return false;
        }
        secondFactor.reset(username, actor);
        return true;
    }

    public static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            roles.add(org.rebound.model.Coded.parse(Role.class, name)
                    .orElseThrow(() -> new IllegalArgumentException("roles: unknown role '" + name + "'; one of "
                            + org.rebound.model.Coded.spellings(Role.class))));
        }
        return roles;
    }

    private AccountView view(UserStore.Account account) {
        return new AccountView(account.username(), account.roles(), account.enabled(), secondFactor.isEnrolled(account.username()),
                account.isLockedAt(clock.instant()) ? account.lockedUntil() : null, account.passwordChangeRequired());
    }

    private static String names(Set<Role> roles) {
        return roles.stream().map(Role::id).sorted().collect(Collectors.joining(","));
    }
}
