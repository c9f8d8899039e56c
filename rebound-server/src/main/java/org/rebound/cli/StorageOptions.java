package org.rebound.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.rebound.storage.DatabaseSettings;
import picocli.CommandLine.Option;

/** Where the data lives: the embedded database in a directory, or a PostgreSQL server. */
final class StorageOptions {

    static final String PASSWORD_VARIABLE = "REBOUND_DB_PASSWORD";

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "rebound-data",
            description = "Directory of the embedded database (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--db-url", paramLabel = "URL",
            description = "JDBC URL of a PostgreSQL database to use instead, e.g. jdbc:postgresql://db/rebound; "
                    + "the password is read from " + PASSWORD_VARIABLE + ".")
    @Nullable String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user for --db-url.")
    @Nullable String dbUser;

    DatabaseSettings settings() {
        if (dbUrl != null) {
            return DatabaseSettings.server(dbUrl, dbUser, System.getenv(PASSWORD_VARIABLE));
        }
        return DatabaseSettings.embedded(dataDir);
    }

    String describe() {
        return dbUrl != null ? dbUrl : dataDir.toAbsolutePath().normalize().toString();
    }
}
