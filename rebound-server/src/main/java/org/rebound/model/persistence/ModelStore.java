package org.rebound.model.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.rebound.storage.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The versions of the enterprise model. Each import adds a version; the highest is current. The
 * document is the model file in the canonical form written by {@link org.rebound.model.io.ModelWriter}.
 */
public final class ModelStore {

    /** One stored version of the model. */
    public record StoredModel(long version, String enterprise, String document, String sha256, String source,
                              Instant importedAt, String importedBy) {
    }

    private final JdbcClient jdbc;

    public ModelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredModel> current() {
        return jdbc.sql("""
                        select version, enterprise, document, sha256, source, imported_at, imported_by
                        from enterprise_model order by version desc limit 1""")
                .query((row, number) -> new StoredModel(
                        row.getLong("version"),
                        row.getString("enterprise"),
                        row.getString("document"),
                        row.getString("sha256"),
                        row.getString("source"),
                        Rows.instant(row, "imported_at"),
                        row.getString("imported_by")))
                .optional();
    }

    public long currentVersion() {
        return jdbc.sql("select coalesce(max(version), 0) from enterprise_model").query(Long.class).single();
    }

    /** Adds {@code document} as the next version. Call inside a transaction with the audit entry. */
    public StoredModel save(String enterprise, String document, String source, String actor, Instant at) {
        long version = currentVersion() + 1;
        String sha256 = sha256(document);
        jdbc.sql("""
                        insert into enterprise_model (version, enterprise, document, sha256, source, imported_at, imported_by)
                        values (:version, :enterprise, :document, :sha256, :source, :at, :actor)""")
                .param("version", version)
                .param("enterprise", enterprise)
                .param("document", document)
                .param("sha256", sha256)
                .param("source", source)
                .param("at", Rows.timestamp(at))
                .param("actor", actor)
                .update();
        return new StoredModel(version, enterprise, document, sha256, source, at, actor);
    }

    public static String sha256(String document) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(document.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", missing);
        }
    }
}
