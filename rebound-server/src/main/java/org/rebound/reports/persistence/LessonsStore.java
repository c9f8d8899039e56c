package org.rebound.reports.persistence;

import java.time.Instant;
import java.util.Optional;
import org.rebound.storage.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The lessons learned of each incident; saving replaces the text (the audit log keeps every version's who and when). */
public final class LessonsStore {

    public record Lessons(String text, Instant updatedAt, String updatedBy) {
    }

    private final JdbcClient jdbc;

    public LessonsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Lessons> lessons(long incident) {
        return jdbc.sql("select lessons, updated_at, updated_by from incident_lessons where incident_id = :incident")
                .param("incident", incident)
                .query((row, number) -> new Lessons(row.getString("lessons"), Rows.instant(row, "updated_at"), row.getString("updated_by")))
                .optional();
    }

    public void save(long incident, String text, Instant at, String actor) {
        jdbc.sql("delete from incident_lessons where incident_id = :incident").param("incident", incident).update();
        jdbc.sql("insert into incident_lessons (incident_id, lessons, updated_at, updated_by) values (:incident, :text, :at, :actor)")
                .param("incident", incident)
                .param("text", text)
                .param("at", Rows.timestamp(at))
                .param("actor", actor)
                .update();
    }
}
