package org.rebound.impact.persistence;

import java.time.Instant;
import java.util.List;
import org.rebound.model.Coded;
import org.rebound.model.SystemState;
import org.rebound.storage.Rows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The append-only log of system state changes. Current states are never stored: they are derived
 * by replaying this log in order of {@code occurredAt}.
 */
public final class StateEventStore {

    /**
     * One state change.
     *
     * @param occurredAt when it happened (which may be earlier than it was recorded)
     * @param recordedAt when it was entered in Rebound
     */
    public record StateEvent(long id, String system, SystemState state, String reason, String actor,
                             Instant occurredAt, Instant recordedAt) {
    }

    private static final RowMapper<StateEvent> ROW = (row, number) -> new StateEvent(
            row.getLong("id"),
            row.getString("system_id"),
            Coded.parse(SystemState.class, row.getString("state")).orElseThrow(),
            row.getString("reason"),
            row.getString("actor"),
            Rows.instant(row, "occurred_at"),
            Rows.instant(row, "recorded_at"));

    private final JdbcClient jdbc;

    public StateEventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends a change and returns it with its id. */
    public StateEvent append(String system, SystemState state, String reason, String actor, Instant occurredAt, Instant recordedAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into system_state_event (system_id, state, reason, actor, occurred_at, recorded_at)
                        values (:system, :state, :reason, :actor, :occurred, :recorded)""")
                .param("system", system)
                .param("state", state.id())
                .param("reason", reason)
                .param("actor", actor)
                .param("occurred", Rows.timestamp(occurredAt))
                .param("recorded", Rows.timestamp(recordedAt))
                .update(key, "id");
        return new StateEvent(key.getKey().longValue(), system, state, reason, actor, occurredAt, recordedAt);
    }

    /** Every change, in the order they happened. */
    public List<StateEvent> all() {
        return jdbc.sql("select * from system_state_event order by occurred_at, id").query(ROW).list();
    }

    /** The changes of one system, newest first. */
    public List<StateEvent> forSystem(String system) {
        return jdbc.sql("select * from system_state_event where system_id = :system order by occurred_at desc, id desc")
                .param("system", system)
                .query(ROW)
                .list();
    }

    public long latestId() {
        return jdbc.sql("select coalesce(max(id), 0) from system_state_event").query(Long.class).single();
    }
}
