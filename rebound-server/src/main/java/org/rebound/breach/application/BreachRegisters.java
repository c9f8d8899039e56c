package org.rebound.breach.application;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.rebound.audit.AuditLog;
import org.rebound.breach.AffectedPerson;
import org.rebound.breach.RegisterFiles;
import org.rebound.breach.Source;
import org.rebound.breach.persistence.BreachStore;
import org.rebound.breach.persistence.BreachStore.Register;
import org.rebound.incident.TimelineKind;
import org.rebound.incident.application.Access;
import org.rebound.incident.application.Caller;
import org.rebound.incident.application.IncidentOutcome;
import org.rebound.incident.application.IncidentOutcome.Done;
import org.rebound.incident.application.IncidentOutcome.Forbidden;
import org.rebound.incident.application.IncidentOutcome.Rejected;
import org.rebound.incident.application.Incidents;
import org.rebound.security.Role;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The affected-people registers of an incident, imported from {@code rebound scan}. Every member sees
 * the counts (how many people, which categories of data, which countries); only DPO/legal and
 * incident commanders who are members import registers and see the people in them, and every look
 * at the people is audited.
 */
public final class BreachRegisters {

    /** One page of a register's people that match a search. */
    public record PeoplePage(Register register, String query, long matching, int offset, List<AffectedPerson> people) {
    }

    static final String PEOPLE_ONLY_FOR = "only DPO/legal and incident commanders see and import affected people";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Incidents incidents;
    private final BreachStore store;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public BreachRegisters(Incidents incidents, BreachStore store, AuditLog audit, TransactionTemplate transactions, Clock clock) {
        this.incidents = incidents;
        this.store = store;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * What the incident's registers expose, as counts (people per country or US state, categories found);
     * for the obligations capability, which computes notification duties from them. No personal data.
     */
    public BreachStore.Exposure exposure(long incident) {
        return store.exposure(incident);
    }

    /**
     * One page of a register's people, unsealed, for a mail merge whose caller the notifications
     * capability has already cleared (DPO/legal or incident commander, audited there); empty when the
     * register is not the incident's.
     */
    public List<AffectedPerson> peopleForLetters(long incident, long register, int offset, int limit) {
        return store.register(incident, register).isPresent() ? store.people(register, offset, limit) : List.of();
    }

    /** A register of the incident, for counts; no personal data. */
    public Optional<Register> register(long incident, long register) {
        return store.register(incident, register);
    }

    /** The registers of the incident, newest first, with their counts; no personal data. */
    public IncidentOutcome<List<Register>> registers(long incident, Caller caller) {
        return incidents.guarded(incident, caller, Access::canRead, "you are not a member of this incident",
                () -> new Done<>(store.registers(incident)));
    }

    /**
     * Imports a register written by {@code rebound scan} ({@code affected-people.json}) and, when
     * given, its {@code scan-summary.json} (for the files scanned and those that could not be read).
     * All or nothing: a file that is not a register is refused and nothing is stored.
     */
    public IncidentOutcome<Register> importRegister(long incident, Path register, @Nullable Path summary, @Nullable String note,
                                                    Caller caller) {
        return incidents.guarded(incident, caller, Access::canWrite, "this incident is read-only for you", () -> {
            if (!mayHandlePeople(caller)) {
                return new Forbidden<>(PEOPLE_ONLY_FOR);
            }
            List<AffectedPerson> people;
            try {
                people = RegisterFiles.readJson(register);
            } catch (IOException notARegister) {
                return Rejected.of("register", message(notARegister));
            }
            int filesScanned = 0;
            List<String> scanErrors = new ArrayList<>();
            if (summary != null) {
                try {
                    JsonNode read = JSON.readTree(summary.toFile());
                    filesScanned = read.path("files_scanned").asInt();
                    for (JsonNode error : read.path("errors")) {
                        scanErrors.add(error.path("file").asString() + ": " + error.path("reason").asString());
                    }
                } catch (RuntimeException notASummary) {
                    return Rejected.of("summary", "not a scan summary: " + notASummary.getMessage());
                }
            }
            Map<String, Long> byCategory = new TreeMap<>();
            Map<String, Long> byCountry = new TreeMap<>();
            for (AffectedPerson person : people) {
                person.categoryIds().forEach(category -> byCategory.merge(category, 1L, Long::sum));
                (person.countries().isEmpty() ? List.of("unknown") : person.countries())
                        .forEach(country -> byCountry.merge(country, 1L, Long::sum));
            }
            String described = note == null || note.isBlank() ? "breach scan" : note.strip();
            Instant now = clock.instant();
            int files = filesScanned;
            long id = transactions.execute(status -> {
                long added = store.addRegister(incident, described, people.size(), files, byCategory, byCountry, scanErrors, now,
                        caller.username());
                store.addPeople(added, people);
                incidents.noteOnTimeline(incident, now, TimelineKind.ACTION, "Breach register imported (" + described + "): "
                        + people.size() + " affected people; data exposed: " + String.join(", ", byCategory.keySet()),
                        "Rebound breach scan", now, caller.username());
                audit.record(now, caller.username(), "breach.import", "incident/" + incident + "/breach/" + added,
                        people.size() + " people, " + files + " files scanned, " + scanErrors.size() + " unreadable");
                return added;
            });
            return new Done<>(store.register(incident, id).orElseThrow());
        });
    }

    /**
     * The people of a register whose names, e-mails, phones, categories, countries or sources contain
     * {@code query} (case-insensitive; empty matches everyone), a page at a time. Audited.
     */
    public IncidentOutcome<PeoplePage> people(long incident, long register, @Nullable String query, int offset, int limit,
                                              Caller caller) {
        return incidents.guarded(incident, caller, Access::canRead, "you are not a member of this incident", () -> {
            if (!mayHandlePeople(caller)) {
                return new Forbidden<>(PEOPLE_ONLY_FOR);
            }
            var found = store.register(incident, register);
            if (found.isEmpty()) {
                return Rejected.of("register", "no register " + register + " in incident " + incident);
            }
            String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
            int from = Math.max(0, offset);
            int size = Math.max(1, Math.min(limit, 500));
            List<AffectedPerson> page = new ArrayList<>();
            long[] matching = {0};
            if (needle.isEmpty()) {
                // no search: open only the page asked for
                page.addAll(store.people(register, from, size));
                matching[0] = found.get().people();
            } else {
                // the searchable fields are sealed: a search opens every person of the register
                store.forEachPerson(register, person -> {
                    if (matches(person, needle)) {
                        if (matching[0] >= from && page.size() < size) {
                            page.add(person);
                        }
                        matching[0]++;
                    }
                });
            }
            audit.record(clock.instant(), caller.username(), "breach.view", "incident/" + incident + "/breach/" + register,
                    needle.isEmpty() ? "people " + from + "-" + (from + page.size()) : "search, " + matching[0] + " matching");
            return new Done<>(new PeoplePage(found.get(), needle, matching[0], from, page));
        });
    }

    /** Whether the caller's roles let them see and import affected people (membership is checked apart). */
    public static boolean mayHandlePeople(Caller caller) {
        return caller.has(Role.DPO_LEGAL) || caller.has(Role.INCIDENT_COMMANDER);
    }

    private static boolean matches(AffectedPerson person, String needle) {
        List<String> haystack = new ArrayList<>(person.names());
        haystack.addAll(person.emails());
        haystack.addAll(person.phones());
        haystack.addAll(person.categoryIds());
        haystack.addAll(person.countries());
        haystack.add(person.personKey());
        person.sources().stream().map(Source::file).forEach(haystack::add);
        return haystack.stream().anyMatch(value -> value.toLowerCase(Locale.ROOT).contains(needle));
    }

    private static String message(IOException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
