package org.rebound.impact.persistence;

import java.time.Instant;
import java.util.Optional;
import org.rebound.storage.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The incidents declared on the model: a scenario started at a time. The latest activation is the
 * live incident, and loss is counted from its start.
 */
public final class ScenarioActivations {

    /** One declared incident. */
    public record Activation(long id, long modelVersion, String scenario, Instant startedAt, Instant activatedAt,
                             String activatedBy) {
    }

    private final JdbcClient jdbc;

    public ScenarioActivations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Activation> current() {
        return jdbc.sql("select * from scenario_activation order by id desc limit 1")
                .query((row, number) -> new Activation(
                        row.getLong("id"),
                        row.getLong("model_version"),
                        row.getString("scenario_id"),
                        Rows.instant(row, "started_at"),
                        Rows.instant(row, "activated_at"),
                        row.getString("activated_by")))
                .optional();
    }

    public Activation activate(long modelVersion, String scenario, Instant startedAt, String actor, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into scenario_activation (model_version, scenario_id, started_at, activated_at, activated_by)
                        values (:version, :scenario, :started, :at, :actor)""")
                .param("version", modelVersion)
                .param("scenario", scenario)
                .param("started", Rows.timestamp(startedAt))
                .param("at", Rows.timestamp(at))
                .param("actor", actor)
                .update(key, "id");
        return new Activation(key.getKey().longValue(), modelVersion, scenario, startedAt, at, actor);
    }
}
