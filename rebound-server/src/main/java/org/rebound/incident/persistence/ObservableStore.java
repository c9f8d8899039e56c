package org.rebound.incident.persistence;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.rebound.incident.Observable;
import org.rebound.incident.ObservableType;
import org.rebound.incident.Tlp;
import org.rebound.model.Coded;
import org.rebound.storage.Rows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The observables of each incident, one row per canonical value, and where else each was seen. */
public final class ObservableStore {

    /** An observable as recorded in one incident. */
    public record StoredObservable(long id, long incident, Observable observable, boolean ioc, boolean sighted, Tlp tlp,
                                   List<String> tags, Instant firstSeen, Instant lastSeen, Instant createdAt, String createdBy) {
    }

    /** How a new observable is recorded. */
    public record Marking(boolean ioc, boolean sighted, Tlp tlp, List<String> tags) {
    }

    private static final RowMapper<StoredObservable> ROW = (row, number) -> new StoredObservable(
            row.getLong("id"),
            row.getLong("incident_id"),
            new Observable(Coded.parse(ObservableType.class, row.getString("type")).orElseThrow(), row.getString("obs_value")),
            row.getBoolean("ioc"),
            row.getBoolean("sighted"),
            Coded.parse(Tlp.class, row.getString("tlp")).orElseThrow(),
            row.getString("tags").isEmpty() ? List.of() : Arrays.asList(row.getString("tags").split(",")),
            Rows.instant(row, "first_seen"),
            Rows.instant(row, "last_seen"),
            Rows.instant(row, "created_at"),
            row.getString("created_by"));

    private static final int ROWS_PER_INSERT = 500;

    private final JdbcClient jdbc;

    public ObservableStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredObservable> find(long incident, Observable observable) {
        return jdbc.sql("select * from observable where incident_id = :incident and type = :type and obs_value = :value")
                .param("incident", incident)
                .param("type", observable.type().id())
                .param("value", observable.value())
                .query(ROW)
                .optional();
    }

    /** The ids of the incident's observables, by value: one query to tell new values from known ones. */
    public Map<Observable, Long> idsByValue(long incident) {
        Map<Observable, Long> ids = new HashMap<>();
        jdbc.sql("select id, type, obs_value from observable where incident_id = :incident")
                .param("incident", incident)
                .query(row -> {
                    ids.put(new Observable(Coded.parse(ObservableType.class, row.getString("type")).orElseThrow(),
                            row.getString("obs_value")), row.getLong("id"));
                });
        return ids;
    }

    /** Adds many observables new to the incident, several hundred rows per statement. */
    public void addAll(long incident, List<Observable> added, Marking marking, Instant seen, Instant at, String actor) {
        for (int from = 0; from < added.size(); from += ROWS_PER_INSERT) {
            List<Observable> chunk = added.subList(from, Math.min(added.size(), from + ROWS_PER_INSERT));
            StringBuilder sql = new StringBuilder("insert into observable (incident_id, type, obs_value, ioc, sighted, tlp, tags,"
                    + " first_seen, last_seen, created_at, created_by) values ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(:incident, :type").append(i).append(", :value").append(i)
                        .append(", :ioc, :sighted, :tlp, :tags, :seen, :seen, :at, :actor)");
            }
            JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
                    .param("incident", incident)
                    .param("ioc", marking.ioc())
                    .param("sighted", marking.sighted())
                    .param("tlp", marking.tlp().id())
                    .param("tags", String.join(",", marking.tags()))
                    .param("seen", Rows.timestamp(seen))
                    .param("at", Rows.timestamp(at))
                    .param("actor", actor);
            for (int i = 0; i < chunk.size(); i++) {
                statement = statement.param("type" + i, chunk.get(i).type().id()).param("value" + i, chunk.get(i).value());
            }
            statement.update();
        }
    }

    /** Records that observables already known in the incident were seen again. */
    public void seenAgain(Collection<Long> ids, Instant seen) {
        // One statement per row: H2 scans the table for a long "id in (...)" list instead of using the key.
        for (long id : ids) {
            jdbc.sql("""
                            update observable set first_seen = case when first_seen > :seen then :seen else first_seen end,
                                   last_seen = case when last_seen < :seen then :seen else last_seen end
                            where id = :id""")
                    .param("seen", Rows.timestamp(seen))
                    .param("id", id)
                    .update();
        }
    }

    public List<StoredObservable> of(long incident) {
        return jdbc.sql("select * from observable where incident_id = :incident order by type, obs_value")
                .param("incident", incident)
                .query(ROW)
                .list();
    }

    /** For each observable of {@code incident}, the other incidents that recorded the same value. */
    public Map<Long, List<Long>> alsoSeenIn(long incident) {
        return jdbc.sql("""
                        select mine.id as observable_id, other.incident_id as other_incident
                        from observable mine join observable other
                          on other.type = mine.type and other.obs_value = mine.obs_value and other.incident_id <> mine.incident_id
                        where mine.incident_id = :incident
                        order by other.incident_id""")
                .param("incident", incident)
                .query((row, number) -> Map.entry(row.getLong("observable_id"), row.getLong("other_incident")))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }
}
