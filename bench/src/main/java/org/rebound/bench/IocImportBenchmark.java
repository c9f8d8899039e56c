package org.rebound.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.rebound.audit.AuditLog;
import org.rebound.impact.persistence.StateEventStore;
import org.rebound.incident.ObservableParser;
import org.rebound.incident.application.Caller;
import org.rebound.incident.application.IncidentOutcome;
import org.rebound.incident.application.Incidents;
import org.rebound.incident.persistence.IncidentStore;
import org.rebound.incident.persistence.ObservableStore;
import org.rebound.incident.persistence.TimelineStore;
import org.rebound.security.Role;
import org.rebound.security.UserStore;
import org.rebound.storage.Database;
import org.rebound.storage.DatabaseSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A threat feed of 100,000 indicators (domains, URLs, addresses, hashes; one in ten repeated) pasted
 * into an incident on the embedded database, through the same use case as the API: parsed,
 * de-duplicated, stored in one transaction and audited. The baseline is parsing the same text alone.
 * Then the same feed again, when every indicator is already known.
 */
final class IocImportBenchmark {

    private static final int INDICATORS = 100_000;

    static boolean run(PrintStream out) throws IOException {
        Path work = Files.createTempDirectory("rebound-bench-ioc");
        try (HikariDataSource dataSource = Database.open(DatabaseSettings.embedded(work.resolve("data")))) {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            Clock clock = Clock.systemUTC();
            UserStore users = new UserStore(jdbc);
            users.create("ian", "{bcrypt}$2a$10$notARealHashForTheBenchmarkOnly..", Set.of(Role.INCIDENT_COMMANDER), clock.instant());
            Incidents incidents = new Incidents(new IncidentStore(jdbc), new TimelineStore(jdbc), new ObservableStore(jdbc),
                    new StateEventStore(jdbc), users, new AuditLog(jdbc), transactions, clock);
            Caller ian = new Caller("ian", Set.of(Role.INCIDENT_COMMANDER));
            String feed = feed(new Random(42));

            long warmUpIncident = open(incidents, ian, "warm-up");
            incidents.addObservables(warmUpIncident, new Incidents.Paste(feed.substring(0, feed.length() / 10), true, false, "amber",
                    List.of()), ian);
            for (int i = 0; i < 3; i++) {
                ObservableParser.parse(feed);
            }

            long begin = System.nanoTime();
            ObservableParser.Result parsed = ObservableParser.parse(feed);
            double parseSeconds = (System.nanoTime() - begin) / 1e9;

            long incident = open(incidents, ian, "threat feed");
            begin = System.nanoTime();
            IncidentOutcome<Incidents.Added> first = incidents.addObservables(incident,
                    new Incidents.Paste(feed, true, false, "green", List.of("feed")), ian);
            double importSeconds = (System.nanoTime() - begin) / 1e9;
            begin = System.nanoTime();
            IncidentOutcome<Incidents.Added> again = incidents.addObservables(incident,
                    new Incidents.Paste(feed, true, false, "green", List.of("feed")), ian);
            double againSeconds = (System.nanoTime() - begin) / 1e9;

            Incidents.Added added = ((IncidentOutcome.Done<Incidents.Added>) first).value();
            Incidents.Added known = ((IncidentOutcome.Done<Incidents.Added>) again).value();
            out.printf(Locale.ROOT, "IOC bulk import on the embedded database (%,d indicators, %,d distinct)%n", INDICATORS,
                    parsed.observables().size());
            out.printf(Locale.ROOT, "  parse and de-duplicate only (baseline): %.2f s%n", parseSeconds);
            out.printf(Locale.ROOT, "  import into an incident: %.2f s (%,d added, %,d repeats; %.1fx the baseline)   target: < 10 s%n",
                    importSeconds, added.added(), added.repeats(), importSeconds / parseSeconds);
            out.printf(Locale.ROOT, "  the same feed again: %.2f s (%,d already known)%n", againSeconds, known.alreadyKnown());
            return importSeconds < 10 && added.added() == parsed.observables().size()
                    && known.alreadyKnown() == parsed.observables().size();
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static long open(Incidents incidents, Caller caller, String title) {
        IncidentOutcome<IncidentStore.StoredIncident> opened = incidents.open(
                new Incidents.Draft(title, null, null, null, null, null, null, null, null), caller);
        return ((IncidentOutcome.Done<IncidentStore.StoredIncident>) opened).value().id();
    }

    /** A feed as vendors publish them: mostly domains and hashes, some URLs and addresses, defanged, one in ten repeated. */
    private static String feed(Random random) {
        List<String> lines = new ArrayList<>(INDICATORS);
        HexFormat hex = HexFormat.of();
        while (lines.size() < INDICATORS) {
            if (!lines.isEmpty() && random.nextInt(10) == 0) {
                lines.add(lines.get(random.nextInt(lines.size())));
                continue;
            }
            String label = Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
            byte[] digest = new byte[32];
            random.nextBytes(digest);
            lines.add(switch (random.nextInt(6)) {
                case 0, 1 -> label + "-cdn[.]" + List.of("com", "net", "ru", "io").get(random.nextInt(4));
                case 2 -> "hxxps://" + label + ".example[.]org/payload/" + random.nextInt(1000);
                case 3 -> (random.nextInt(223) + 1) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
                case 4 -> hex.formatHex(digest);
                default -> hex.formatHex(digest, 0, 16).toUpperCase(Locale.ROOT);
            });
        }
        return String.join("\n", lines);
    }

    private IocImportBenchmark() {
    }
}
