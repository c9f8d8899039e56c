package org.rebound.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.rebound.storage.migration.V3__Chain_audit_log;
import javax.sql.DataSource;

/** Opens the database for the command line, where no Spring context runs, and migrates its schema. */
public final class Database {

    private Database() {
    }

    /** A small connection pool on {@code settings}, migrated to the current schema. */
    public static HikariDataSource open(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(2);
        config.setPoolName("rebound-cli");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            migrate(dataSource);
        } catch (RuntimeException failed) {
            dataSource.close();
            throw failed;
        }
        return dataSource;
    }

    public static void migrate(DataSource dataSource) {
        configure(Flyway.configure().dataSource(dataSource).locations(locations(vendor(dataSource)))).load().migrate();
    }

    /**
     * What every migration run shares: the Java migrations, registered by hand so that Flyway need
     * not scan classes inside the executable jar.
     */
    public static FluentConfiguration configure(FluentConfiguration configuration) {
        return configuration.javaMigrations(new V3__Chain_audit_log());
    }

    /** The SQL migrations: those of every database, then the vendor's own ({@code h2} or {@code postgresql}). */
    public static String[] locations(String vendor) {
        return new String[] {"classpath:db/migration", "classpath:db/vendor/" + vendor};
    }

    private static String vendor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
            if (product.contains("h2")) {
                return "h2";
            }
            if (product.contains("postgres")) {
                return "postgresql";
            }
            throw new IllegalStateException("Rebound runs on H2 or PostgreSQL, not " + product);
        } catch (SQLException unreachable) {
            throw new IllegalStateException("cannot reach the database: " + unreachable.getMessage(), unreachable);
        }
    }
}
