package org.rebound.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rebound.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password guessing two ways: an account is locked for {@link #LOCK} after
 * {@link #ACCOUNT_LIMIT} wrong passwords in a row, and an address that sends more than
 * {@link #ADDRESS_LIMIT} wrong credentials within {@link #WINDOW} is refused further attempts until
 * the window has passed. Both apply to the login form and to HTTP Basic calls.
 */
@Component
public class LoginProtection {

    public static final int ACCOUNT_LIMIT = 5;
    public static final Duration LOCK = Duration.ofMinutes(15);
    public static final int ADDRESS_LIMIT = 20;
    public static final Duration WINDOW = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(LoginProtection.class);

    private final UserStore users;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failuresByAddress = new ConcurrentHashMap<>();

    LoginProtection(UserStore users, AuditLog audit, TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        Instant now = clock.instant();
        String username = event.getAuthentication().getName();
        String address = address(event.getAuthentication().getDetails());
        log.warn("wrong credentials for {} from {}", username, address);
        if (address != null) {
            Deque<Instant> failures = failuresByAddress.computeIfAbsent(address, key -> new ArrayDeque<>());
            synchronized (failures) {
                failures.addLast(now);
                prune(failures, now);
            }
        }
        transactions.executeWithoutResult(status -> {
            if (users.recordFailure(username, ACCOUNT_LIMIT, now.plus(LOCK))) {
                log.warn("account {} locked for {} after {} wrong passwords", username, LOCK, ACCOUNT_LIMIT);
                audit.record(now, "rebound", "user.locked", "user/" + username,
                        ACCOUNT_LIMIT + " wrong passwords in a row, the last from " + address + "; locked until " + now.plus(LOCK));
            }
        });
    }

    /**
     * Counts a wrong second-factor code like a wrong password.
     *
     * @return whether it locked the account
     */
    public boolean wrongSecondFactor(String username) {
        Instant now = clock.instant();
        log.warn("wrong second-factor code for {}", username);
        Boolean locked = transactions.execute(status -> {
            boolean locks = users.recordFailure(username, ACCOUNT_LIMIT, now.plus(LOCK));
            if (locks) {
                audit.record(now, "rebound", "user.locked", "user/" + username, ACCOUNT_LIMIT + " wrong codes in a row; locked until " + now.plus(LOCK));
            }
            return locks;
        });
        return Boolean.TRUE.equals(locked);
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        users.recordSuccess(event.getAuthentication().getName());
    }

    /** Whether {@code address} has sent too many wrong credentials lately to be heard now. */
    public boolean isThrottled(String address) {
        Deque<Instant> failures = failuresByAddress.get(address);
        if (failures == null) {
            return false;
        }
        synchronized (failures) {
            prune(failures, clock.instant());
            return failures.size() >= ADDRESS_LIMIT;
        }
    }

    private static void prune(Deque<Instant> failures, Instant now) {
        while (!failures.isEmpty() && failures.peekFirst().isBefore(now.minus(WINDOW))) {
            failures.removeFirst();
        }
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
