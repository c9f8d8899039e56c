package org.rebound.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.rebound.audit.AuditLog;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The second factor: a TOTP authenticator app, with ten single-use recovery codes for a lost phone.
 * Administrators and incident commanders must use one; anyone may.
 */
public final class SecondFactor {

    public static final int RECOVERY_CODES = 10;
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final UserStore users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SecondFactor(UserStore users, PasswordEncoder encoder, AuditLog audit, TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Whether accounts with these roles must use a second factor. */
    public static boolean isRequiredFor(Set<Role> roles) {
        return roles.contains(Role.ADMIN) || roles.contains(Role.INCIDENT_COMMANDER);
    }

    public boolean isEnrolled(String username) {
        return users.secondFactor(username).isPresent();
    }

    public String newSecret() {
        return Totp.newSecret(random);
    }

    /**
     * Enrols an authenticator app once the user proves it works with a current code.
     *
     * @return the recovery codes to show once, or empty when the code is wrong
     */
    public Optional<List<String>> enrol(String username, String secret, String code) {
        Instant now = clock.instant();
        OptionalLong step = Totp.verify(secret, code, now, 0);
        if (step.isEmpty()) {
            return Optional.empty();
        }
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = recoveryCode();
            codes.add(recovery);
            hashes.add(encoder.encode(recovery));
        }
        transactions.executeWithoutResult(status -> {
            users.setSecondFactor(username, secret, step.getAsLong(), hashes);
            audit.record(now, username, "user.mfa-enrol", "user/" + username, "authenticator app enrolled, " + RECOVERY_CODES + " recovery codes issued");
        });
        return Optional.of(codes);
    }

    /** Checks a code from the authenticator app, or one of the recovery codes (used up by this check). */
    public boolean verify(String username, String code) {
        Optional<UserStore.SecondFactorState> state = users.secondFactor(username);
        if (state.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        OptionalLong step = Totp.verify(state.get().secret(), code, now, state.get().lastStep());
        if (step.isPresent()) {
            users.usedStep(username, step.getAsLong());
            return true;
        }
        String normalised = code.strip().toUpperCase(java.util.Locale.ROOT);
        for (Map.Entry<Long, String> recovery : users.unusedRecoveryCodes(username).entrySet()) {
            if (encoder.matches(normalised, recovery.getValue())) {
                transactions.executeWithoutResult(status -> {
                    users.useRecoveryCode(recovery.getKey(), now);
                    audit.record(now, username, "user.recovery-code", "user/" + username, "logged in with a recovery code");
                });
                return true;
            }
        }
        return false;
    }

    /** Removes the second factor, for example after a lost phone; the user enrols again at the next login if required. */
    public void reset(String username, String actor) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            users.setSecondFactor(username, null, 0, List.of());
            audit.record(now, actor, "user.mfa-reset", "user/" + username, "second factor removed");
        });
    }

    private String recoveryCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
