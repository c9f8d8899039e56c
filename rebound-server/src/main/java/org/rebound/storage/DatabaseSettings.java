package org.rebound.storage;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * How to reach the database. The embedded default is an H2 file database under the data directory,
 * protected by a random password generated when the directory is first used and kept beside it in
 * a file only its owner can read, so that no database anywhere has a default password.
 */
public record DatabaseSettings(String url, String user, String password) {

    private static final String CREDENTIALS_FILE = "db-credentials.properties";

    /** The embedded H2 database in {@code dataDir}, creating the directory and its credentials if needed. */
    public static DatabaseSettings embedded(Path dataDir) {
        Path directory = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
            Path credentials = directory.resolve(CREDENTIALS_FILE);
            if (!Files.exists(credentials)) {
                createCredentials(credentials);
            }
            Properties stored = new Properties();
            try (Reader reader = Files.newBufferedReader(credentials)) {
                stored.load(reader);
            }
            String url = "jdbc:h2:file:" + directory.resolve("rebound")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
            return new DatabaseSettings(url, stored.getProperty("user"), stored.getProperty("password"));
        } catch (IOException unusable) {
            throw new UncheckedIOException("cannot use the data directory " + directory + ": " + unusable.getMessage(), unusable);
        }
    }

    /** A server database such as PostgreSQL; the password may come from the environment. */
    public static DatabaseSettings server(String url, @Nullable String user, @Nullable String password) {
        return new DatabaseSettings(url, user == null ? "" : user, password == null ? "" : password);
    }

    public boolean isEmbedded() {
        return url.startsWith("jdbc:h2:");
    }

    private static void createCredentials(Path file) throws IOException {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        Properties credentials = new Properties();
        credentials.setProperty("user", "rebound");
        credentials.setProperty("password", Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException createdConcurrently) {
            return;
        }
        try (Writer writer = Files.newBufferedWriter(file)) {
            credentials.store(writer, "Rebound embedded database credentials, generated on first use. Keep private.");
        }
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + "]";
    }
}
