package org.rebound.incident.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rebound.incident.Playbook;
import org.rebound.storage.Rows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Playbooks, stored as the text responders edit. */
public final class PlaybookStore {

    public record StoredPlaybook(long id, Playbook playbook, Instant updatedAt, String updatedBy) {
    }

    private static final RowMapper<StoredPlaybook> ROW = (row, number) -> new StoredPlaybook(
            row.getLong("id"),
            new Playbook(row.getString("name"), row.getString("description"), Playbook.parse(row.getString("steps")).steps()),
            Rows.instant(row, "updated_at"),
            row.getString("updated_by"));

    private final JdbcClient jdbc;

    public PlaybookStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long create(Playbook playbook, Instant at, String actor) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into playbook (name, description, steps, updated_at, updated_by) values (:name, :description, :steps, :at, :actor)")
                .param("name", playbook.name())
                .param("description", playbook.description())
                .param("steps", playbook.text())
                .param("at", Rows.timestamp(at))
                .param("actor", actor)
                .update(key, "id");
        return key.getKey().longValue();
    }

    public void update(long id, Playbook playbook, Instant at, String actor) {
        jdbc.sql("update playbook set name = :name, description = :description, steps = :steps, updated_at = :at, updated_by = :actor where id = :id")
                .param("name", playbook.name())
                .param("description", playbook.description())
                .param("steps", playbook.text())
                .param("at", Rows.timestamp(at))
                .param("actor", actor)
                .param("id", id)
                .update();
    }

    public Optional<StoredPlaybook> find(long id) {
        return jdbc.sql("select * from playbook where id = :id").param("id", id).query(ROW).optional();
    }

    public Optional<StoredPlaybook> named(String name) {
        return jdbc.sql("select * from playbook where name = :name").param("name", name).query(ROW).optional();
    }

    public List<StoredPlaybook> all() {
        return jdbc.sql("select * from playbook order by name").query(ROW).list();
    }
}
