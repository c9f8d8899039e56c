package org.rebound.obligations.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.rebound.model.Coded;
import org.rebound.obligations.IncidentFacts;
import org.rebound.storage.Rows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The rows behind notification duties. Writes are made inside the use case's transaction, with its audit entry. */
public final class ObligationStore {

    /** The facts of an incident as recorded; affected counts here override those of its breach registers. */
    public record RecordedFacts(long incident, Instant awareAt, boolean personalData, Set<String> categories,
                                Map<String, Long> affected, @Nullable Boolean highRisk, boolean encrypted, boolean unlikelyRisk,
                                boolean riskMitigated, boolean disproportionateEffort, boolean significantIncident,
                                Instant updatedAt, String updatedBy) {
    }

    public record Profile(IncidentFacts.Entity entity, Instant updatedAt, String updatedBy) {
    }

    public record MaterialityDecision(long id, boolean material, Instant determinedAt, String note, Instant recordedAt,
                                      String recordedBy) {
    }

    public record Notice(long id, long incident, String rule, String recipient, String channel, String reference,
                         String approvedBy, Instant sentAt, @Nullable Instant acknowledgedAt, @Nullable String acknowledgement,
                         Instant recordedAt, String recordedBy) {
    }

    public record Alert(long id, long incident, String rule, Instant deadline, int leadMinutes, String message, Instant raisedAt) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Long>> COUNTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    public ObligationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Profile> profile() {
        return jdbc.sql("select * from organisation_profile where id = 1").query(PROFILE).optional();
    }

    public void saveProfile(IncidentFacts.Entity entity, Instant at, String actor) {
        jdbc.sql("delete from organisation_profile where id = 1").update();
        jdbc.sql("""
                        insert into organisation_profile (id, name, country, nis2, nis2_member_state, sec_registrant, timezone,
                                                          updated_at, updated_by)
                        values (1, :name, :country, :nis2, :member, :sec, :zone, :at, :actor)""")
                .param("name", entity.name())
                .param("country", entity.country())
                .param("nis2", entity.nis2().id())
                .param("member", entity.nis2MemberState())
                .param("sec", entity.secRegistrant())
                .param("zone", entity.zone() == null ? null : entity.zone().getId())
                .param("at", Rows.timestamp(at))
                .param("actor", actor)
                .update();
    }

    public Optional<RecordedFacts> facts(long incident) {
        return jdbc.sql("select * from incident_facts where incident_id = :incident")
                .param("incident", incident)
                .query(FACTS)
                .optional();
    }

    public void saveFacts(RecordedFacts facts) {
        jdbc.sql("delete from incident_facts where incident_id = :incident").param("incident", facts.incident()).update();
        jdbc.sql("""
                        insert into incident_facts (incident_id, aware_at, personal_data, categories, affected, high_risk, encrypted,
                                                    unlikely_risk, risk_mitigated, disproportionate_effort, significant_incident,
                                                    updated_at, updated_by)
                        values (:incident, :aware, :personal, :categories, :affected, :high, :encrypted, :unlikely, :mitigated,
                                :effort, :significant, :at, :actor)""")
                .param("incident", facts.incident())
                .param("aware", Rows.timestamp(facts.awareAt()))
                .param("personal", facts.personalData())
                .param("categories", String.join(",", facts.categories()))
                .param("affected", JSON.writeValueAsString(new LinkedHashMap<>(facts.affected())))
                .param("high", facts.highRisk())
                .param("encrypted", facts.encrypted())
                .param("unlikely", facts.unlikelyRisk())
                .param("mitigated", facts.riskMitigated())
                .param("effort", facts.disproportionateEffort())
                .param("significant", facts.significantIncident())
                .param("at", Rows.timestamp(facts.updatedAt()))
                .param("actor", facts.updatedBy())
                .update();
    }

    public long addMaterialityDecision(long incident, boolean material, Instant determinedAt, String note, Instant at, String actor) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into materiality_decision (incident_id, material, determined_at, note, recorded_at, recorded_by)
                        values (:incident, :material, :determined, :note, :at, :actor)""")
                .param("incident", incident)
                .param("material", material)
                .param("determined", Rows.timestamp(determinedAt))
                .param("note", note)
                .param("at", Rows.timestamp(at))
                .param("actor", actor)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** The decisions, latest determination first. */
    public List<MaterialityDecision> materialityDecisions(long incident) {
        return jdbc.sql("select * from materiality_decision where incident_id = :incident order by determined_at desc, id desc")
                .param("incident", incident)
                .query((row, number) -> new MaterialityDecision(row.getLong("id"), row.getBoolean("material"),
                        Rows.instant(row, "determined_at"), row.getString("note"), Rows.instant(row, "recorded_at"),
                        row.getString("recorded_by")))
                .list();
    }

    public long addNotice(long incident, String rule, String recipient, String channel, String reference, String approvedBy,
                          Instant sentAt, Instant at, String actor) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into notice (incident_id, rule_id, recipient, channel, reference, approved_by, sent_at, recorded_at,
                                            recorded_by)
                        values (:incident, :rule, :recipient, :channel, :reference, :approved, :sent, :at, :actor)""")
                .param("incident", incident)
                .param("rule", rule)
                .param("recipient", recipient)
                .param("channel", channel)
                .param("reference", reference)
                .param("approved", approvedBy)
                .param("sent", Rows.timestamp(sentAt))
                .param("at", Rows.timestamp(at))
                .param("actor", actor)
                .update(key, "id");
        return key.getKey().longValue();
    }

    public void acknowledge(long notice, Instant at, String acknowledgement) {
        jdbc.sql("update notice set acknowledged_at = :at, acknowledgement = :text where id = :id")
                .param("at", Rows.timestamp(at))
                .param("text", acknowledgement)
                .param("id", notice)
                .update();
    }

    /** The notices of an incident in the order they were sent. */
    public List<Notice> notices(long incident) {
        return jdbc.sql("select * from notice where incident_id = :incident order by sent_at, id")
                .param("incident", incident)
                .query(NOTICE)
                .list();
    }

    public Optional<Notice> notice(long incident, long id) {
        return jdbc.sql("select * from notice where incident_id = :incident and id = :id")
                .param("incident", incident)
                .param("id", id)
                .query(NOTICE)
                .optional();
    }

    /** Records an alert unless the same one was raised before; the alert when it is new. */
    public Optional<Alert> raiseAlert(long incident, String rule, Instant deadline, int leadMinutes, String message, Instant at) {
        boolean raised = jdbc.sql("""
                        select count(*) from obligation_alert
                        where incident_id = :incident and rule_id = :rule and deadline = :deadline and lead_minutes = :lead""")
                .param("incident", incident)
                .param("rule", rule)
                .param("deadline", Rows.timestamp(deadline))
                .param("lead", leadMinutes)
                .query(Long.class).single() > 0;
        if (raised) {
            return Optional.empty();
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into obligation_alert (incident_id, rule_id, deadline, lead_minutes, message, raised_at)
                        values (:incident, :rule, :deadline, :lead, :message, :at)""")
                .param("incident", incident)
                .param("rule", rule)
                .param("deadline", Rows.timestamp(deadline))
                .param("lead", leadMinutes)
                .param("message", message)
                .param("at", Rows.timestamp(at))
                .update(key, "id");
        return Optional.of(new Alert(key.getKey().longValue(), incident, rule, deadline, leadMinutes, message, at));
    }

    /** The latest alerts of the given incidents, newest first. */
    public List<Alert> alerts(Set<Long> incidents, int limit) {
        if (incidents.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select * from obligation_alert where incident_id in (:incidents)
                        order by raised_at desc, id desc fetch first :limit rows only""")
                .param("incidents", incidents)
                .param("limit", limit)
                .query((row, number) -> new Alert(row.getLong("id"), row.getLong("incident_id"), row.getString("rule_id"),
                        Rows.instant(row, "deadline"), row.getInt("lead_minutes"), row.getString("message"),
                        Rows.instant(row, "raised_at")))
                .list();
    }

    private static final RowMapper<Notice> NOTICE = (row, number) -> new Notice(row.getLong("id"), row.getLong("incident_id"),
            row.getString("rule_id"), row.getString("recipient"), row.getString("channel"), row.getString("reference"),
            row.getString("approved_by"), Rows.instant(row, "sent_at"), Rows.instantOrNull(row, "acknowledged_at"),
            row.getString("acknowledgement"), Rows.instant(row, "recorded_at"), row.getString("recorded_by"));

    private static final RowMapper<Profile> PROFILE = ObligationStore::profileRow;
    private static final RowMapper<RecordedFacts> FACTS = ObligationStore::factsRow;

    private static Profile profileRow(ResultSet row, int number) throws SQLException {
        String zone = row.getString("timezone");
        IncidentFacts.Entity entity = new IncidentFacts.Entity(row.getString("name"), row.getString("country"),
                Coded.parse(IncidentFacts.Nis2.class, row.getString("nis2")).orElseThrow(),
                row.getBoolean("sec_registrant"), row.getString("nis2_member_state"), zone == null ? null : ZoneId.of(zone));
        return new Profile(entity, Rows.instant(row, "updated_at"), row.getString("updated_by"));
    }

    private static RecordedFacts factsRow(ResultSet row, int number) throws SQLException {
        boolean highRisk = row.getBoolean("high_risk");
        Boolean recordedHighRisk = row.wasNull() ? null : highRisk;
        String categories = row.getString("categories");
        return new RecordedFacts(row.getLong("incident_id"), Rows.instant(row, "aware_at"), row.getBoolean("personal_data"),
                categories.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(categories.split(","))),
                JSON.readValue(row.getString("affected"), COUNTS), recordedHighRisk, row.getBoolean("encrypted"),
                row.getBoolean("unlikely_risk"), row.getBoolean("risk_mitigated"), row.getBoolean("disproportionate_effort"),
                row.getBoolean("significant_incident"), Rows.instant(row, "updated_at"), row.getString("updated_by"));
    }
}
