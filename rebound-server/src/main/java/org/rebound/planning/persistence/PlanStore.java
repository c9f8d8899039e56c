package org.rebound.planning.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rebound.storage.Rows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Every plan computed, with who asked for it and why; the latest is the current plan. */
public final class PlanStore {

    /** A stored plan; {@code document} is its JSON ({@link org.rebound.planning.view.PlanView}). */
    public record StoredPlan(long id, long modelVersion, Instant createdAt, String createdBy, String reason, String engine,
                             double objective, String document) {
    }

    private static final RowMapper<StoredPlan> ROW = (row, number) -> new StoredPlan(row.getLong("id"),
            row.getLong("model_version"), Rows.instant(row, "created_at"), row.getString("created_by"), row.getString("reason"),
            row.getString("engine"), row.getDouble("objective"), row.getString("document"));

    private final JdbcClient jdbc;

    public PlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public StoredPlan save(long modelVersion, Instant at, String actor, String reason, String engine, double objective, String document) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into plan_version (model_version, created_at, created_by, reason, engine, objective, document)
                        values (:version, :at, :actor, :reason, :engine, :objective, :document)""")
                .param("version", modelVersion)
                .param("at", Rows.timestamp(at))
                .param("actor", actor)
                .param("reason", reason)
                .param("engine", engine)
                .param("objective", objective)
                .param("document", document)
                .update(key, "id");
        return new StoredPlan(key.getKey().longValue(), modelVersion, at, actor, reason, engine, objective, document);
    }

    public Optional<StoredPlan> latest() {
        return jdbc.sql("select * from plan_version order by id desc limit 1").query(ROW).optional();
    }

    /** The id of the latest plan, 0 when none was computed: a cheap check whether the current plan changed. */
    public long latestId() {
        return jdbc.sql("select coalesce(max(id), 0) from plan_version").query(Long.class).single();
    }

    public Optional<StoredPlan> find(long id) {
        return jdbc.sql("select * from plan_version where id = :id").param("id", id).query(ROW).optional();
    }

    /** The latest {@code limit} plans, newest first, without their documents. */
    public List<StoredPlan> history(int limit) {
        return jdbc.sql("""
                        select id, model_version, created_at, created_by, reason, engine, objective, '' as document
                        from plan_version order by id desc limit :limit""")
                .param("limit", limit)
                .query(ROW)
                .list();
    }
}
