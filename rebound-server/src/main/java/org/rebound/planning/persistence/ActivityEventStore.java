package org.rebound.planning.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rebound.model.Coded;
import org.rebound.planning.ActivityKind;
import org.rebound.storage.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The progress teams report on recovery activities, append-only. */
public final class ActivityEventStore {

    /** An activity started (with the work it still needs, if said) or finished. */
    public record ActivityEvent(String system, ActivityKind kind, String status, String team, Instant occurredAt,
                                @Nullable Duration remaining, String actor) {
    }

    public static final String STARTED = "started";
    public static final String FINISHED = "finished";

    private final JdbcClient jdbc;

    public ActivityEventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void append(ActivityEvent event, Instant recordedAt) {
        jdbc.sql("""
                        insert into activity_event (system_id, kind, status, team, occurred_at, remaining_minutes, actor, recorded_at)
                        values (:system, :kind, :status, :team, :at, :remaining, :actor, :recorded)""")
                .param("system", event.system())
                .param("kind", event.kind().id())
                .param("status", event.status())
                .param("team", event.team())
                .param("at", Rows.timestamp(event.occurredAt()))
                .param("remaining", event.remaining() == null ? null : event.remaining().toMinutes())
                .param("actor", event.actor())
                .param("recorded", Rows.timestamp(recordedAt))
                .update();
    }

    /** Every event in the order they happened. */
    public List<ActivityEvent> all() {
        return jdbc.sql("select * from activity_event order by occurred_at, id")
                .query((row, number) -> {
                    long remaining = row.getLong("remaining_minutes");
                    return new ActivityEvent(row.getString("system_id"),
                            Coded.parse(ActivityKind.class, row.getString("kind")).orElseThrow(),
                            row.getString("status"), row.getString("team"), Rows.instant(row, "occurred_at"),
                            row.wasNull() ? null : Duration.ofMinutes(remaining), row.getString("actor"));
                })
                .list();
    }
}
