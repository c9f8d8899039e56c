package org.rebound.incident.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rebound.storage.Rows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Evidence items and their chains of custody. Nothing here changes or removes a row once written. */
public final class EvidenceStore {

    /**
     * An evidence item.
     *
     * @param sha256          the content's hash: computed on upload, or as the collector gave it for a reference
     * @param stored          whether Rebound holds the file (in the evidence directory) or only a reference to it
     * @param storageLocation where the original is kept: the evidence locker, a forensic lab's safe, a share
     */
    public record Evidence(long id, long incident, String name, String description, @Nullable String sha256, @Nullable Long sizeBytes,
                           boolean stored, String storageLocation, String source, String collector, Instant collectedAt,
                           Instant recordedAt, String recordedBy) {
    }

    /** One hand-over of an evidence item. */
    public record Custody(long id, long evidence, Instant at, String releasedBy, String receivedBy, String purpose, Instant recordedAt,
                          String recordedBy) {
    }

    /** An item as recorded: everything but the id and who recorded it when. */
    public record NewEvidence(String name, String description, @Nullable String sha256, @Nullable Long sizeBytes, boolean stored,
                              String storageLocation, String source, String collector, Instant collectedAt) {
    }

    private static final RowMapper<Evidence> ROW = (row, number) -> new Evidence(
            row.getLong("id"),
            row.getLong("incident_id"),
            row.getString("name"),
            row.getString("description"),
            row.getString("sha256"),
            row.getObject("size_bytes") == null ? null : row.getLong("size_bytes"),
            row.getBoolean("stored"),
            row.getString("storage_location"),
            row.getString("source"),
            row.getString("collector"),
            Rows.instant(row, "collected_at"),
            Rows.instant(row, "recorded_at"),
            row.getString("recorded_by"));

    private static final RowMapper<Custody> CUSTODY = (row, number) -> new Custody(
            row.getLong("id"),
            row.getLong("evidence_id"),
            Rows.instant(row, "at"),
            row.getString("released_by"),
            row.getString("received_by"),
            row.getString("purpose"),
            Rows.instant(row, "recorded_at"),
            row.getString("recorded_by"));

    private final JdbcClient jdbc;

    public EvidenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Evidence add(long incident, NewEvidence item, Instant at, String actor) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into evidence (incident_id, name, description, sha256, size_bytes, stored, storage_location, source,
                                              collector, collected_at, recorded_at, recorded_by)
                        values (:incident, :name, :description, :sha256, :size, :stored, :location, :source, :collector, :collected,
                                :at, :actor)""")
                .param("incident", incident)
                .param("name", item.name())
                .param("description", item.description())
                .param("sha256", item.sha256())
                .param("size", item.sizeBytes())
                .param("stored", item.stored())
                .param("location", item.storageLocation())
                .param("source", item.source())
                .param("collector", item.collector())
                .param("collected", Rows.timestamp(item.collectedAt()))
                .param("at", Rows.timestamp(at))
                .param("actor", actor)
                .update(key, "id");
        return find(incident, key.getKey().longValue()).orElseThrow();
    }

    public Optional<Evidence> find(long incident, long id) {
        return jdbc.sql("select * from evidence where id = :id and incident_id = :incident")
                .param("id", id)
                .param("incident", incident)
                .query(ROW)
                .optional();
    }

    public List<Evidence> of(long incident) {
        return jdbc.sql("select * from evidence where incident_id = :incident order by collected_at, id")
                .param("incident", incident)
                .query(ROW)
                .list();
    }

    public Custody addCustody(long evidence, Instant at, String releasedBy, String receivedBy, String purpose, Instant recordedAt,
                              String recordedBy) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into custody_entry (evidence_id, at, released_by, received_by, purpose, recorded_at, recorded_by)
                        values (:evidence, :at, :released, :received, :purpose, :recorded, :by)""")
                .param("evidence", evidence)
                .param("at", Rows.timestamp(at))
                .param("released", releasedBy)
                .param("received", receivedBy)
                .param("purpose", purpose)
                .param("recorded", Rows.timestamp(recordedAt))
                .param("by", recordedBy)
                .update(key, "id");
        return new Custody(key.getKey().longValue(), evidence, at, releasedBy, receivedBy, purpose, recordedAt, recordedBy);
    }

    /** The custody entries of every item of the incident, in the order the hand-overs happened. */
    public List<Custody> custody(long incident) {
        return jdbc.sql("""
                        select c.* from custody_entry c join evidence e on e.id = c.evidence_id
                        where e.incident_id = :incident order by c.at, c.id""")
                .param("incident", incident)
                .query(CUSTODY)
                .list();
    }
}
