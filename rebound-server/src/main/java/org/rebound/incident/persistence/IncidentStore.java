package org.rebound.incident.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rebound.incident.Pap;
import org.rebound.incident.Severity;
import org.rebound.incident.Tlp;
import org.rebound.model.Coded;
import org.rebound.storage.Rows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Incidents, their members and the ATT&CK techniques observed in them. */
public final class IncidentStore {

    /** An incident's record. The timestamps are the milestones responders report against. */
    public record StoredIncident(long id, String title, String summary, Severity severity, String status, Tlp tlp, Pap pap,
                                 String lead, @Nullable String scenario, @Nullable Instant startedAt,
                                 @Nullable Instant detectedAt, @Nullable Instant containedAt, @Nullable Instant recoveredAt,
                                 Instant createdAt, String createdBy, @Nullable Long parent, @Nullable Long mergedInto) {
    }

    /** The fields a responder sets; everything but the id and who created it when. */
    public record IncidentFields(String title, String summary, Severity severity, String status, Tlp tlp, Pap pap, String lead,
                                 @Nullable String scenario, @Nullable Instant startedAt, @Nullable Instant detectedAt,
                                 @Nullable Instant containedAt, @Nullable Instant recoveredAt) {
    }

    public record Member(String username, Instant addedAt, String addedBy) {
    }

    public record NotedTechnique(String technique, Instant notedAt, String notedBy) {
    }

    private static final RowMapper<StoredIncident> ROW = (row, number) -> new StoredIncident(
            row.getLong("id"),
            row.getString("title"),
            row.getString("summary"),
            Coded.parse(Severity.class, row.getString("severity")).orElseThrow(),
            row.getString("status"),
            Coded.parse(Tlp.class, row.getString("tlp")).orElseThrow(),
            Coded.parse(Pap.class, row.getString("pap")).orElseThrow(),
            row.getString("lead_user"),
            row.getString("scenario"),
            Rows.instantOrNull(row, "started_at"),
            Rows.instantOrNull(row, "detected_at"),
            Rows.instantOrNull(row, "contained_at"),
            Rows.instantOrNull(row, "recovered_at"),
            Rows.instant(row, "created_at"),
            row.getString("created_by"),
            row.getObject("parent_id") == null ? null : row.getLong("parent_id"),
            row.getObject("merged_into") == null ? null : row.getLong("merged_into"));

    private final JdbcClient jdbc;

    public IncidentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public StoredIncident create(IncidentFields fields, Instant at, String actor) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        bind(jdbc.sql("""
                        insert into incident (title, summary, severity, status, tlp, pap, lead_user, scenario, started_at,
                                              detected_at, contained_at, recovered_at, created_at, created_by)
                        values (:title, :summary, :severity, :status, :tlp, :pap, :lead, :scenario, :started, :detected,
                                :contained, :recovered, :created, :actor)"""), fields)
                .param("created", Rows.timestamp(at))
                .param("actor", actor)
                .update(key, "id");
        return find(key.getKey().longValue()).orElseThrow();
    }

    public void update(long id, IncidentFields fields) {
        bind(jdbc.sql("""
                        update incident set title = :title, summary = :summary, severity = :severity, status = :status, tlp = :tlp,
                               pap = :pap, lead_user = :lead, scenario = :scenario, started_at = :started, detected_at = :detected,
                               contained_at = :contained, recovered_at = :recovered
                        where id = :id"""), fields)
                .param("id", id)
                .update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, IncidentFields fields) {
        return statement.param("title", fields.title())
                .param("summary", fields.summary())
                .param("severity", fields.severity().id())
                .param("status", fields.status())
                .param("tlp", fields.tlp().id())
                .param("pap", fields.pap().id())
                .param("lead", fields.lead())
                .param("scenario", fields.scenario())
                .param("started", Rows.timestampOrNull(fields.startedAt()))
                .param("detected", Rows.timestampOrNull(fields.detectedAt()))
                .param("contained", Rows.timestampOrNull(fields.containedAt()))
                .param("recovered", Rows.timestampOrNull(fields.recoveredAt()));
    }

    public Optional<StoredIncident> find(long id) {
        return jdbc.sql("select * from incident where id = :id").param("id", id).query(ROW).optional();
    }

    public boolean hasEvidence(long incident, long evidence) {
        return jdbc.sql("select count(*) from evidence where id = :evidence and incident_id = :incident")
                .param("evidence", evidence).param("incident", incident).query(Integer.class).single() > 0;
    }

    public void setParent(long id, @Nullable Long parent) {
        jdbc.sql("update incident set parent_id = :parent where id = :id").param("parent", parent).param("id", id).update();
    }

    public List<StoredIncident> children(long id) {
        return jdbc.sql("select * from incident where parent_id = :id order by id").param("id", id).query(ROW).list();
    }

    /**
     * Merges {@code source} into {@code target}: its tasks and evidence move (with their logs and
     * custody), its members, techniques, timeline entries and observables are copied (the target
     * keeping its own where both have one), and it is marked merged and closed with the given status.
     */
    public void merge(long source, long target, String closedStatus, Instant at, String actor) {
        jdbc.sql("update incident_task set incident_id = :target where incident_id = :source")
                .param("target", target).param("source", source).update();
        jdbc.sql("update evidence set incident_id = :target where incident_id = :source")
                .param("target", target).param("source", source).update();
        jdbc.sql("""
                        insert into incident_member (incident_id, username, added_at, added_by)
                        select :target, m.username, :at, :actor from incident_member m
                        where m.incident_id = :source
                          and not exists (select 1 from incident_member t where t.incident_id = :target and t.username = m.username)""")
                .param("target", target).param("source", source).param("at", Rows.timestamp(at)).param("actor", actor).update();
        jdbc.sql("""
                        insert into incident_technique (incident_id, technique, noted_at, noted_by)
                        select :target, s.technique, s.noted_at, s.noted_by from incident_technique s
                        where s.incident_id = :source
                          and not exists (select 1 from incident_technique t where t.incident_id = :target and t.technique = s.technique)""")
                .param("target", target).param("source", source).update();
        jdbc.sql("""
                        insert into incident_software (incident_id, software, noted_at, noted_by)
                        select :target, s.software, s.noted_at, s.noted_by from incident_software s
                        where s.incident_id = :source
                          and not exists (select 1 from incident_software t where t.incident_id = :target and t.software = s.software)""")
                .param("target", target).param("source", source).update();
        jdbc.sql("""
                        insert into timeline_entry (incident_id, occurred_at, kind, summary, source, technique, counterpart, channel,
                                                    attachment_id, recorded_at, recorded_by)
                        select :target, occurred_at, kind, summary, source, technique, counterpart, channel, attachment_id, recorded_at,
                               recorded_by
                        from timeline_entry where incident_id = :source""")
                .param("target", target).param("source", source).update();
        jdbc.sql("""
                        insert into observable (incident_id, type, obs_value, ioc, sighted, tlp, tags, first_seen, last_seen, created_at, created_by)
                        select :target, s.type, s.obs_value, s.ioc, s.sighted, s.tlp, s.tags, s.first_seen, s.last_seen, s.created_at, s.created_by
                        from observable s
                        where s.incident_id = :source
                          and not exists (select 1 from observable t where t.incident_id = :target and t.type = s.type
                                          and t.obs_value = s.obs_value)""")
                .param("target", target).param("source", source).update();
        jdbc.sql("update incident set merged_into = :target, status = :status where id = :source")
                .param("target", target).param("status", closedStatus).param("source", source).update();
    }

    /** The statuses set by the incident commanders, if they changed the default. */
    public Optional<List<String>> workflow() {
        return jdbc.sql("select statuses from incident_workflow where id = 1").query(String.class).optional()
                .map(text -> List.of(text.split("\n")));
    }

    public void saveWorkflow(List<String> statuses, Instant at, String actor) {
        int updated = jdbc.sql("update incident_workflow set statuses = :statuses, updated_at = :at, updated_by = :actor where id = 1")
                .param("statuses", String.join("\n", statuses)).param("at", Rows.timestamp(at)).param("actor", actor).update();
        if (updated == 0) {
            jdbc.sql("insert into incident_workflow (id, statuses, updated_at, updated_by) values (1, :statuses, :at, :actor)")
                    .param("statuses", String.join("\n", statuses)).param("at", Rows.timestamp(at)).param("actor", actor).update();
        }
    }

    /** The statuses incidents are in now, each once. */
    public List<String> statusesInUse() {
        return jdbc.sql("select distinct status from incident where merged_into is null order by status").query(String.class).list();
    }

    /** Every incident, newest first: for administrators, who manage membership. */
    public List<StoredIncident> all() {
        return jdbc.sql("select * from incident order by id desc").query(ROW).list();
    }

    /** The incidents {@code username} is a member of, newest first. */
    public List<StoredIncident> withMember(String username) {
        return jdbc.sql("""
                        select i.* from incident i join incident_member m on m.incident_id = i.id
                        where m.username = :username order by i.id desc""")
                .param("username", username)
                .query(ROW)
                .list();
    }

    public boolean isMember(long incident, String username) {
        return jdbc.sql("select count(*) from incident_member where incident_id = :incident and username = :username")
                .param("incident", incident)
                .param("username", username)
                .query(Integer.class).single() > 0;
    }

    /** Adds a member; false when already one. */
    public boolean addMember(long incident, String username, Instant at, String actor) {
        return link("incident_member", "username", "added", incident, username, at, actor);
    }

    public boolean removeMember(long incident, String username) {
        return jdbc.sql("delete from incident_member where incident_id = :incident and username = :username")
                .param("incident", incident)
                .param("username", username)
                .update() > 0;
    }

    public List<Member> members(long incident) {
        return jdbc.sql("select username, added_at, added_by from incident_member where incident_id = :incident order by username")
                .param("incident", incident)
                .query((row, number) -> new Member(row.getString("username"), Rows.instant(row, "added_at"), row.getString("added_by")))
                .list();
    }

    /** Notes a technique as observed; false when it already was. */
    public boolean noteTechnique(long incident, String technique, Instant at, String actor) {
        return link("incident_technique", "technique", "noted", incident, technique, at, actor);
    }

    /** Notes malware or a tool (ATT&CK software) as found; false when it already was. */
    public boolean noteSoftware(long incident, String software, Instant at, String actor) {
        return link("incident_software", "software", "noted", incident, software, at, actor);
    }

    /** The ATT&CK software noted, by id. */
    public List<String> software(long incident) {
        return jdbc.sql("select software from incident_software where incident_id = :incident order by software")
                .param("incident", incident).query(String.class).list();
    }

    /** Links a member or technique to the incident unless linked already (names are this class's constants). */
    private boolean link(String table, String column, String stamp, long incident, String value, Instant at, String actor) {
        boolean linked = jdbc.sql("select count(*) from " + table + " where incident_id = :incident and " + column + " = :value")
                .param("incident", incident)
                .param("value", value)
                .query(Integer.class).single() > 0;
        if (linked) {
            return false;
        }
        jdbc.sql("insert into " + table + " (incident_id, " + column + ", " + stamp + "_at, " + stamp + "_by)"
                        + " values (:incident, :value, :at, :actor)")
                .param("incident", incident)
                .param("value", value)
                .param("at", Rows.timestamp(at))
                .param("actor", actor)
                .update();
        return true;
    }

    public List<NotedTechnique> techniques(long incident) {
        return jdbc.sql("select technique, noted_at, noted_by from incident_technique where incident_id = :incident order by technique")
                .param("incident", incident)
                .query((row, number) -> new NotedTechnique(row.getString("technique"), Rows.instant(row, "noted_at"),
                        row.getString("noted_by")))
                .list();
    }
}
