package org.rebound.breach.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.rebound.breach.AffectedPerson;
import org.rebound.breach.Category;
import org.rebound.breach.Source;
import org.rebound.storage.Rows;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imported affected-people registers. A register's counts are in clear; each person's names,
 * e-mails, phones and sources are sealed by {@link RegisterCipher}, bound to the register and the
 * person key. Registers are never changed once imported.
 */
public final class BreachStore {

    /** A register as imported: who, when, what it counts; and which scanned files could not be read. */
    public record Register(long id, long incident, String note, long people, int filesScanned, Map<String, Long> byCategory,
                           Map<String, Long> byCountry, List<String> scanErrors, Instant importedAt, String importedBy) {
    }

    /** What is sealed for each person. */
    private record Sealed(List<String> names, List<String> emails, List<String> phones, List<SourceRow> sources) {
    }

    private record SourceRow(String file, long line) {
    }

    private static final int ROWS_PER_INSERT = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private static final RowMapper<Register> REGISTER = (row, number) -> new Register(
            row.getLong("id"),
            row.getLong("incident_id"),
            row.getString("note"),
            row.getLong("people"),
            row.getInt("files_scanned"),
            JSON.readValue(row.getString("by_category"), COUNTS),
            JSON.readValue(row.getString("by_country"), COUNTS),
            JSON.readValue(row.getString("scan_errors"), STRINGS),
            Rows.instant(row, "imported_at"),
            row.getString("imported_by"));

    private final JdbcClient jdbc;
    private final RegisterCipher cipher;

    public BreachStore(JdbcClient jdbc, RegisterCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public long addRegister(long incident, String note, long people, int filesScanned, Map<String, Long> byCategory,
                            Map<String, Long> byCountry, List<String> scanErrors, Instant at, String actor) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into breach_register (incident_id, note, people, files_scanned, by_category, by_country, scan_errors,
                                                     imported_at, imported_by)
                        values (:incident, :note, :people, :files, :categories, :countries, :errors, :at, :actor)""")
                .param("incident", incident)
                .param("note", note)
                .param("people", people)
                .param("files", filesScanned)
                .param("categories", JSON.writeValueAsString(new LinkedHashMap<>(byCategory)))
                .param("countries", JSON.writeValueAsString(new LinkedHashMap<>(byCountry)))
                .param("errors", JSON.writeValueAsString(scanErrors))
                .param("at", Rows.timestamp(at))
                .param("actor", actor)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Adds people to a register, sealing what identifies them. */
    public void addPeople(long register, List<AffectedPerson> people) {
        for (int from = 0; from < people.size(); from += ROWS_PER_INSERT) {
            List<AffectedPerson> chunk = people.subList(from, Math.min(people.size(), from + ROWS_PER_INSERT));
            StringBuilder sql = new StringBuilder("insert into breach_person (register_id, person_key, categories, countries, sealed) values ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(:register, :key").append(i).append(", :categories").append(i)
                        .append(", :countries").append(i).append(", :sealed").append(i).append(')');
            }
            JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("register", register);
            for (int i = 0; i < chunk.size(); i++) {
                AffectedPerson person = chunk.get(i);
                Sealed sealed = new Sealed(person.names(), person.emails(), person.phones(),
                        person.sources().stream().map(source -> new SourceRow(source.file(), source.line())).toList());
                statement = statement
                        .param("key" + i, person.personKey())
                        .param("categories" + i, String.join(",", person.categoryIds()))
                        .param("countries" + i, String.join(",", person.countries()))
                        .param("sealed" + i, cipher.seal(JSON.writeValueAsString(sealed), bound(register, person.personKey())));
            }
            statement.update();
        }
    }

    /**
     * What the incident's registers expose, without opening a sealed field: people per country or US
     * state and the categories found. A person is counted once per register group of the same
     * categories and countries, so one found in two registers with different findings counts twice.
     */
    public Exposure exposure(long incident) {
        Map<String, Long> byPlace = new TreeMap<>();
        Set<String> categories = new TreeSet<>();
        jdbc.sql("""
                        select p.countries, p.categories, count(distinct p.person_key) as people
                        from breach_person p join breach_register r on r.id = p.register_id
                        where r.incident_id = :incident group by p.countries, p.categories""")
                .param("incident", incident)
                .query((RowCallbackHandler) row -> {
                    long people = row.getLong("people");
                    for (String place : row.getString("countries").split(",")) {
                        if (!place.isEmpty()) {
                            byPlace.merge(place, people, Long::sum);
                        }
                    }
                    for (String category : row.getString("categories").split(",")) {
                        if (!category.isEmpty()) {
                            categories.add(category);
                        }
                    }
                });
        return new Exposure(byPlace, categories);
    }

    /** People per place and the categories of data exposed, as counted from the registers. */
    public record Exposure(Map<String, Long> peopleByPlace, Set<String> categories) {
        public Exposure {
            peopleByPlace = Map.copyOf(peopleByPlace);
            categories = Set.copyOf(categories);
        }
    }

    public List<Register> registers(long incident) {
        return jdbc.sql("select * from breach_register where incident_id = :incident order by imported_at desc, id desc")
                .param("incident", incident)
                .query(REGISTER)
                .list();
    }

    public Optional<Register> register(long incident, long id) {
        return jdbc.sql("select * from breach_register where incident_id = :incident and id = :id")
                .param("incident", incident)
                .param("id", id)
                .query(REGISTER)
                .optional();
    }

    /** Every person of a register, unsealed, in person-key order. */
    public void forEachPerson(long register, Consumer<AffectedPerson> consumer) {
        jdbc.sql("select person_key, categories, countries, sealed from breach_person where register_id = :register order by person_key")
                .param("register", register)
                .query((RowCallbackHandler) row -> consumer.accept(unsealed(register, row)));
    }

    /** One page of a register's people, unsealed, in person-key order; only that page is opened. */
    public List<AffectedPerson> people(long register, int offset, int limit) {
        return jdbc.sql("""
                        select person_key, categories, countries, sealed from breach_person where register_id = :register
                        order by person_key offset :offset rows fetch next :limit rows only""")
                .param("register", register)
                .param("offset", offset)
                .param("limit", limit)
                .query((row, number) -> unsealed(register, row))
                .list();
    }

    private AffectedPerson unsealed(long register, java.sql.ResultSet row) throws java.sql.SQLException {
        String key = row.getString("person_key");
        Sealed sealed = JSON.readValue(cipher.open(row.getString("sealed"), bound(register, key)), Sealed.class);
        List<Category> categories = new ArrayList<>();
        for (String id : split(row.getString("categories"))) {
            Category.byId(id).ifPresent(categories::add);
        }
        return new AffectedPerson(key, sealed.names(), sealed.emails(), sealed.phones(), java.util.Set.copyOf(categories),
                split(row.getString("countries")),
                sealed.sources().stream().map(source -> new Source(source.file(), source.line())).toList());
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }

    private static String bound(long register, String personKey) {
        return "breach-register/" + register + "/" + personKey;
    }
}
