package org.rebound.incident.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rebound.incident.TaskStatus;
import org.rebound.model.Coded;
import org.rebound.storage.Rows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** The tasks of incidents and their logs. */
public final class TaskStore {

    /**
     * A task.
     *
     * @param assignee a user name or a team, or nobody yet
     * @param system   the system the task is about, if any
     * @param activity the recovery plan's activity on that system the task carries out ({@code triage}, {@code restore}, {@code validate})
     * @param closedAt when it was done or cancelled
     */
    public record Task(long id, long incident, String title, @Nullable String assignee, @Nullable Instant dueAt, TaskStatus status,
                       @Nullable String system, @Nullable String activity, Instant createdAt, String createdBy, @Nullable Instant closedAt) {
    }

    public record LogEntry(long id, long task, Instant at, String author, String note) {
    }

    private static final RowMapper<Task> ROW = (row, number) -> new Task(
            row.getLong("id"),
            row.getLong("incident_id"),
            row.getString("title"),
            row.getString("assignee"),
            Rows.instantOrNull(row, "due_at"),
            Coded.parse(TaskStatus.class, row.getString("status")).orElseThrow(),
            row.getString("system_id"),
            row.getString("activity"),
            Rows.instant(row, "created_at"),
            row.getString("created_by"),
            Rows.instantOrNull(row, "closed_at"));

    /** Open tasks first, by due time; closed ones (done, cancelled) last. */
    private static final String OPEN_FIRST = " order by case when status in ('done', 'cancelled') then 1 else 0 end, due_at, id";

    private final JdbcClient jdbc;

    public TaskStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Task add(long incident, String title, @Nullable String assignee, @Nullable Instant dueAt, @Nullable String system,
                    @Nullable String activity, Instant at, String actor) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into incident_task (incident_id, title, assignee, due_at, status, system_id, activity, created_at, created_by)
                        values (:incident, :title, :assignee, :due, :status, :system, :activity, :at, :actor)""")
                .param("incident", incident)
                .param("title", title)
                .param("assignee", assignee)
                .param("due", Rows.timestampOrNull(dueAt))
                .param("status", TaskStatus.OPEN.id())
                .param("system", system)
                .param("activity", activity)
                .param("at", Rows.timestamp(at))
                .param("actor", actor)
                .update(key, "id");
        return new Task(key.getKey().longValue(), incident, title, assignee, dueAt, TaskStatus.OPEN, system, activity, at, actor, null);
    }

    /** Sets the task's status, assignee and due time; closing stamps it, reopening clears the stamp. */
    public void update(long id, TaskStatus status, @Nullable String assignee, @Nullable Instant dueAt, Instant at) {
        jdbc.sql("""
                        update incident_task set status = :status, assignee = :assignee, due_at = :due,
                               closed_at = case when :closed then coalesce(closed_at, :at) else null end
                        where id = :id""")
                .param("status", status.id())
                .param("assignee", assignee)
                .param("due", Rows.timestampOrNull(dueAt))
                .param("closed", status.closed())
                .param("at", Rows.timestamp(at))
                .param("id", id)
                .update();
    }

    public Optional<Task> find(long incident, long id) {
        return jdbc.sql("select * from incident_task where id = :id and incident_id = :incident")
                .param("id", id)
                .param("incident", incident)
                .query(ROW)
                .optional();
    }

    /** The incident's tasks: open ones first by due time, then the closed ones. */
    public List<Task> of(long incident) {
        return jdbc.sql("""
                        select * from incident_task where incident_id = :incident""" + OPEN_FIRST)
                .param("incident", incident)
                .query(ROW)
                .list();
    }

    /** The tasks about a system, in every incident, open ones first. */
    public List<Task> forSystem(String system) {
        return jdbc.sql("""
                        select * from incident_task where system_id = :system""" + OPEN_FIRST)
                .param("system", system)
                .query(ROW)
                .list();
    }

    public LogEntry log(long task, Instant at, String author, String note) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into task_log (task_id, at, author, note) values (:task, :at, :author, :note)")
                .param("task", task)
                .param("at", Rows.timestamp(at))
                .param("author", author)
                .param("note", note)
                .update(key, "id");
        return new LogEntry(key.getKey().longValue(), task, at, author, note);
    }

    public List<LogEntry> logs(long incident) {
        return jdbc.sql("""
                        select l.* from task_log l join incident_task t on t.id = l.task_id
                        where t.incident_id = :incident order by l.at, l.id""")
                .param("incident", incident)
                .query((row, number) -> new LogEntry(row.getLong("id"), row.getLong("task_id"), Rows.instant(row, "at"),
                        row.getString("author"), row.getString("note")))
                .list();
    }
}
