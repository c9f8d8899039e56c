package org.rebound.obligations.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rebound.storage.Rows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Notice drafts and the mail merges of approved letters. */
public final class DraftStore {

    public record Draft(long id, long incident, String template, @Nullable String rule, String title, String body, String status,
                        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, @Nullable Instant approvedAt,
                        @Nullable String approvedBy) {

        public boolean approved() {
            return approvedAt != null;
        }
    }

    /**
     * @param status {@code running}, {@code done}, {@code failed}, or {@code stalled}: running but not moved on for
     *     {@link #STALLED_AFTER} (the server that ran it stopped); never stored, derived when read
     */
    public record LetterRun(long id, long incident, long draft, long register, String status, int total, int sent, int withoutEmail,
                            int failed, Instant startedAt, String startedBy, @Nullable Instant finishedAt, @Nullable String error,
                            Instant progressedAt) {

        public static final Duration STALLED_AFTER = Duration.ofMinutes(10);

        public int processed() {
            return sent + withoutEmail + failed;
        }

        /** This run as seen at {@code now}: a running run that has not moved on for a while is stalled. */
        public LetterRun seenAt(Instant now) {
            boolean stalled = status.equals("running") && progressedAt.plus(STALLED_AFTER).isBefore(now);
            return stalled ? new LetterRun(id, incident, draft, register, "stalled", total, sent, withoutEmail, failed, startedAt,
                    startedBy, finishedAt, error, progressedAt) : this;
        }
    }

    public record Delivery(String personKey, String outcome, String detail) {
    }

    private final JdbcClient jdbc;

    public DraftStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long addDraft(long incident, String template, @Nullable String rule, String title, String body, Instant at, String actor) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into notice_draft (incident_id, template, rule_id, title, body, status, created_at, created_by,
                                                  updated_at, updated_by)
                        values (:incident, :template, :rule, :title, :body, 'draft', :at, :actor, :at, :actor)""")
                .param("incident", incident)
                .param("template", template)
                .param("rule", rule)
                .param("title", title)
                .param("body", body)
                .param("at", Rows.timestamp(at))
                .param("actor", actor)
                .update(key, "id");
        return key.getKey().longValue();
    }

    public void edit(long draft, String title, String body, Instant at, String actor) {
        jdbc.sql("update notice_draft set title = :title, body = :body, updated_at = :at, updated_by = :actor where id = :id")
                .param("title", title)
                .param("body", body)
                .param("at", Rows.timestamp(at))
                .param("actor", actor)
                .param("id", draft)
                .update();
    }

    public void approve(long draft, Instant at, String actor) {
        jdbc.sql("update notice_draft set status = 'approved', approved_at = :at, approved_by = :actor where id = :id")
                .param("at", Rows.timestamp(at))
                .param("actor", actor)
                .param("id", draft)
                .update();
    }

    public Optional<Draft> draft(long incident, long id) {
        return jdbc.sql("select * from notice_draft where incident_id = :incident and id = :id")
                .param("incident", incident)
                .param("id", id)
                .query(DRAFT)
                .optional();
    }

    public List<Draft> drafts(long incident) {
        return jdbc.sql("select * from notice_draft where incident_id = :incident order by id desc")
                .param("incident", incident)
                .query(DRAFT)
                .list();
    }

    public long startRun(long incident, long draft, long register, int total, Instant at, String actor) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into letter_run (incident_id, draft_id, register_id, status, total, sent, without_email, failed,
                                                started_at, started_by, progressed_at)
                        values (:incident, :draft, :register, 'running', :total, 0, 0, 0, :at, :actor, :at)""")
                .param("incident", incident)
                .param("draft", draft)
                .param("register", register)
                .param("total", total)
                .param("at", Rows.timestamp(at))
                .param("actor", actor)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Records one batch's outcomes and moves the run's counters on. */
    public void recordBatch(long run, List<Delivery> deliveries, Instant at) {
        int sent = 0;
        int withoutEmail = 0;
        int failed = 0;
        for (Delivery delivery : deliveries) {
            jdbc.sql("insert into letter_delivery (run_id, person_key, outcome, detail, at) values (:run, :key, :outcome, :detail, :at)")
                    .param("run", run)
                    .param("key", delivery.personKey())
                    .param("outcome", delivery.outcome())
                    .param("detail", delivery.detail().length() > 500 ? delivery.detail().substring(0, 500) : delivery.detail())
                    .param("at", Rows.timestamp(at))
                    .update();
            switch (delivery.outcome()) {
                case "sent" -> sent++;
                case "no-email" -> withoutEmail++;
                default -> failed++;
            }
        }
        jdbc.sql("""
                        update letter_run set sent = sent + :sent, without_email = without_email + :none, failed = failed + :failed,
                                              progressed_at = :at
                        where id = :id""")
                .param("at", Rows.timestamp(at))
                .param("sent", sent)
                .param("none", withoutEmail)
                .param("failed", failed)
                .param("id", run)
                .update();
    }

    public void finishRun(long run, String status, @Nullable String error, Instant at) {
        jdbc.sql("update letter_run set status = :status, error = :error, finished_at = :at, progressed_at = :at where id = :id")
                .param("status", status)
                .param("error", error)
                .param("at", Rows.timestamp(at))
                .param("id", run)
                .update();
    }

    public Optional<LetterRun> run(long incident, long id) {
        return jdbc.sql("select * from letter_run where incident_id = :incident and id = :id")
                .param("incident", incident)
                .param("id", id)
                .query(RUN)
                .optional();
    }

    public List<LetterRun> runs(long incident) {
        return jdbc.sql("select * from letter_run where incident_id = :incident order by id desc")
                .param("incident", incident)
                .query(RUN)
                .list();
    }

    /** The people of a run whose letter went out by e-mail, to leave them out of the postal letters. */
    public List<String> mailed(long incident, long register, long draft) {
        return jdbc.sql("""
                        select d.person_key from letter_delivery d join letter_run r on r.id = d.run_id
                        where r.incident_id = :incident and r.register_id = :register and r.draft_id = :draft and d.outcome = 'sent'""")
                .param("incident", incident)
                .param("register", register)
                .param("draft", draft)
                .query(String.class)
                .list();
    }

    private static final RowMapper<Draft> DRAFT = (row, number) -> new Draft(row.getLong("id"), row.getLong("incident_id"),
            row.getString("template"), row.getString("rule_id"), row.getString("title"), row.getString("body"), row.getString("status"),
            Rows.instant(row, "created_at"), row.getString("created_by"), Rows.instant(row, "updated_at"), row.getString("updated_by"),
            Rows.instantOrNull(row, "approved_at"), row.getString("approved_by"));

    private static final RowMapper<LetterRun> RUN = (row, number) -> new LetterRun(row.getLong("id"), row.getLong("incident_id"),
            row.getLong("draft_id"), row.getLong("register_id"), row.getString("status"), row.getInt("total"), row.getInt("sent"),
            row.getInt("without_email"), row.getInt("failed"), Rows.instant(row, "started_at"), row.getString("started_by"),
            Rows.instantOrNull(row, "finished_at"), row.getString("error"), Rows.instant(row, "progressed_at"));
}
