package org.rebound.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.Optional;
import org.rebound.audit.AuditLog;
import org.rebound.breach.application.BreachRegisters;
import org.rebound.breach.persistence.BreachStore;
import org.rebound.breach.persistence.RegisterCipher;
import org.rebound.impact.persistence.StateEventStore;
import org.rebound.incident.application.Caller;
import org.rebound.incident.application.Incidents;
import org.rebound.incident.persistence.IncidentStore;
import org.rebound.incident.persistence.ObservableStore;
import org.rebound.incident.persistence.TimelineStore;
import org.rebound.model.application.ModelImports;
import org.rebound.model.persistence.ModelStore;
import org.rebound.security.AdminAccount;
import org.rebound.security.UserStore;
import org.rebound.storage.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.transaction.support.TransactionTemplate;

/** The stores a command needs, on a connection pool of its own, without a Spring context. */
final class CliStorage implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final java.nio.file.Path dataDir;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock = Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1_000));

    private CliStorage(HikariDataSource dataSource, java.nio.file.Path dataDir) {
        this.dataSource = dataSource;
        this.dataDir = dataDir;
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /**
     * Opens and migrates the database.
     *
     * @throws IllegalStateException with an explanation when it cannot be opened, for example while a
     *     server holds the embedded database
     */
    static CliStorage open(StorageOptions options) {
        try {
            return new CliStorage(Database.open(options.settings()), options.dataDir);
        } catch (RuntimeException unavailable) {
            String reason = String.valueOf(rootCause(unavailable).getMessage());
            if (reason.contains("already in use") || reason.contains("Locked by another process")) {
                throw new IllegalStateException("the database in " + options.describe()
                        + " is in use by a running Rebound server; stop it, or make the change through the server", unavailable);
            }
            throw new IllegalStateException("cannot open the database in " + options.describe() + ": " + reason, unavailable);
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    ModelStore models() {
        return new ModelStore(jdbc);
    }

    ModelImports imports() {
        return new ModelImports(models(), new AuditLog(jdbc), transactions, clock);
    }

    AuditLog auditLog() {
        return new AuditLog(jdbc);
    }

    UserStore users() {
        return new UserStore(jdbc);
    }

    /** The Rebound account a command acts as ({@code --as}), when it exists and may log in. */
    Optional<Caller> caller(String username) {
        return users().find(username).filter(UserStore.Account::enabled).map(account -> new Caller(username, account.roles()));
    }

    /** {@link #caller}, saying on {@code err} why there is none. */
    Optional<Caller> caller(String username, java.io.PrintWriter err) {
        Optional<Caller> caller = caller(username);
        if (caller.isEmpty()) {
            err.println("--as " + username + ": no enabled Rebound account of that name");
        }
        return caller;
    }

    Incidents incidents() {
        return new Incidents(new IncidentStore(jdbc), new TimelineStore(jdbc), new ObservableStore(jdbc), new StateEventStore(jdbc),
                users(), new AuditLog(jdbc), transactions, clock);
    }

    /** The breach registers, sealed with the key the server uses for the same data directory. */
    BreachRegisters breachRegisters() {
        RegisterCipher cipher = RegisterCipher.open(System.getenv("REBOUND_BREACH_KEY"), dataDir.resolve("breach-register.key"));
        return new BreachRegisters(incidents(), new BreachStore(jdbc, cipher), new AuditLog(jdbc), transactions, clock);
    }

    AdminAccount adminAccount() {
        return new AdminAccount(new UserStore(jdbc), new AuditLog(jdbc),
                PasswordEncoderFactories.createDelegatingPasswordEncoder(), transactions, clock);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
