package org.rebound.incident.persistence;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rebound.incident.Channel;
import org.rebound.incident.Counterpart;
import org.rebound.incident.TimelineKind;
import org.rebound.model.Coded;
import org.rebound.storage.Rows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** The timeline entries responders write, append-only: a wrong entry is corrected by a later one. */
public final class TimelineStore {

    /**
     * One entry.
     *
     * @param occurredAt when it happened, which may be long before it was recorded
     * @param source     where the fact comes from: a log, a person, a tool
     * @param technique  the ATT&CK technique it shows, if any
     * @param counterpart for a communication, with whom
     * @param channel    for a communication, how
     * @param attachment an evidence item of the incident attached to the entry (the letter sent, the call notes)
     */
    public record Entry(long id, long incident, Instant occurredAt, TimelineKind kind, String summary, String source,
                        @Nullable String technique, Instant recordedAt, String recordedBy, @Nullable Counterpart counterpart,
                        @Nullable Channel channel, @Nullable Long attachment) {
    }

    /** Who a communication was with, how, and what is attached; all optional. */
    public record Communication(@Nullable Counterpart counterpart, @Nullable Channel channel, @Nullable Long attachment) {
        public static final Communication NONE = new Communication(null, null, null);
    }

    private static final RowMapper<Entry> ROW = (row, number) -> new Entry(
            row.getLong("id"),
            row.getLong("incident_id"),
            Rows.instant(row, "occurred_at"),
            Coded.parse(TimelineKind.class, row.getString("kind")).orElseThrow(),
            row.getString("summary"),
            row.getString("source"),
            row.getString("technique"),
            Rows.instant(row, "recorded_at"),
            row.getString("recorded_by"),
            row.getString("counterpart") == null ? null : Coded.parse(Counterpart.class, row.getString("counterpart")).orElseThrow(),
            row.getString("channel") == null ? null : Coded.parse(Channel.class, row.getString("channel")).orElseThrow(),
            row.getObject("attachment_id") == null ? null : row.getLong("attachment_id"));

    private final JdbcClient jdbc;

    public TimelineStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Entry append(long incident, Instant occurredAt, TimelineKind kind, String summary, String source,
                        @Nullable String technique, Instant recordedAt, String recordedBy) {
        return append(incident, occurredAt, kind, summary, source, technique, Communication.NONE, recordedAt, recordedBy);
    }

    public Entry append(long incident, Instant occurredAt, TimelineKind kind, String summary, String source,
                        @Nullable String technique, Communication communication, Instant recordedAt, String recordedBy) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into timeline_entry (incident_id, occurred_at, kind, summary, source, technique, counterpart, channel,
                                                    attachment_id, recorded_at, recorded_by)
                        values (:incident, :occurred, :kind, :summary, :source, :technique, :counterpart, :channel, :attachment,
                                :recorded, :by)""")
                .param("incident", incident)
                .param("occurred", Rows.timestamp(occurredAt))
                .param("kind", kind.id())
                .param("summary", summary)
                .param("source", source)
                .param("technique", technique)
                .param("counterpart", communication.counterpart() == null ? null : communication.counterpart().id())
                .param("channel", communication.channel() == null ? null : communication.channel().id())
                .param("attachment", communication.attachment())
                .param("recorded", Rows.timestamp(recordedAt))
                .param("by", recordedBy)
                .update(key, "id");
        return new Entry(key.getKey().longValue(), incident, occurredAt, kind, summary, source, technique, recordedAt, recordedBy,
                communication.counterpart(), communication.channel(), communication.attachment());
    }

    /** The incident's entries in the order things happened. */
    public List<Entry> of(long incident) {
        return jdbc.sql("select * from timeline_entry where incident_id = :incident order by occurred_at, id")
                .param("incident", incident)
                .query(ROW)
                .list();
    }
}
