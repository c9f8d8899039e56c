package org.rebound.audit;

import java.time.Instant;
import java.util.List;
import org.rebound.storage.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Appends to and reads the audit log. There is deliberately no way to change or remove an entry. */
public final class AuditLog {

    /** One recorded change. */
    public record Entry(long id, Instant at, String actor, String action, String target, String detail) {
    }

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a change; call in the same transaction as the change itself. */
    public void record(Instant at, String actor, String action, String target, String detail) {
        jdbc.sql("insert into audit_log (at, actor, action, target, detail) values (:at, :actor, :action, :target, :detail)")
                .param("at", Rows.timestamp(at))
                .param("actor", actor)
                .param("action", action)
                .param("target", target)
                .param("detail", detail)
                .update();
    }

    /** The latest {@code limit} entries, newest first. */
    public List<Entry> latest(int limit) {
        return jdbc.sql("select id, at, actor, action, target, detail from audit_log order by id desc limit :limit")
                .param("limit", limit)
                .query((row, number) -> new Entry(row.getLong("id"), Rows.instant(row, "at"), row.getString("actor"),
                        row.getString("action"), row.getString("target"), row.getString("detail")))
                .list();
    }
}
