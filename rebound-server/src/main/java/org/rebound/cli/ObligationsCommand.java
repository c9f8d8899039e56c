package org.rebound.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.rebound.json.Json;
import org.rebound.obligations.FactsLoad;
import org.rebound.obligations.FactsReader;
import org.rebound.obligations.IncidentFacts;
import org.rebound.obligations.Obligation;
import org.rebound.obligations.ObligationStatus;
import org.rebound.obligations.ObligationsEngine;
import org.rebound.obligations.view.ObligationsView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "obligations", mixinStandardHelpOptions = true,
        description = {
                "Compute the notification duties an incident triggers (GDPR, UK GDPR, NIS2, SEC 8-K, US states, card",
                "brands) from a facts file: whom to tell, by when (UTC and local time), what to say, and why.",
                "The facts file is documented in docs/obligations.md."})
public final class ObligationsCommand implements Callable<Integer> {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FACTS.yaml", description = "The incident's facts.")
    private Path factsFile;

    @Option(names = "--json", description = "Print JSON (shape in docs/obligations.md) instead of a list.")
    private boolean json;

    @Option(names = "--at", paramLabel = "INSTANT",
            description = "Evaluate statuses (due, overdue) as of this ISO-8601 instant (default: now).")
    private @Nullable String at;

    @Option(names = "--all", description = "Also explain each rule that does not apply.")
    private boolean all;

    private final Clock clock;

    public ObligationsCommand() {
        this(Clock.systemUTC());
    }

    ObligationsCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        FactsLoad load = FactsReader.read(factsFile);
        if (load instanceof FactsLoad.Rejected rejected) {
            rejected.problems().forEach(err::println);
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        IncidentFacts facts = ((FactsLoad.Loaded) load).facts();
        Instant when = instant();
        List<Obligation> obligations = ObligationsEngine.standard().evaluate(facts, when);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(ObligationsView.of(facts.entity().name(), facts.awareAt(), when, obligations)));
        } else {
            print(out, facts, when, obligations);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private Instant instant() {
        if (at == null) {
            return clock.instant();
        }
        try {
            return OffsetDateTime.parse(at).toInstant();
        } catch (DateTimeParseException malformed) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--at must be an ISO-8601 instant such as 2025-09-03T06:00:00Z, got '" + at + "'");
        }
    }

    private void print(PrintWriter out, IncidentFacts facts, Instant when, List<Obligation> obligations) {
        List<Obligation> triggered = obligations.stream().filter(Obligation::triggered).toList();
        out.printf(Locale.ROOT, "%s: %d of %d rules apply, as of %s (aware at %s)%n", facts.entity().name(),
                triggered.size(), obligations.size(), when, facts.awareAt());
        for (Obligation obligation : triggered) {
            out.println();
            out.printf(Locale.ROOT, "%-8s %s  %s: %s%n", obligation.status().id().toUpperCase(Locale.ROOT),
                    deadline(obligation), obligation.rule(), obligation.title());
            out.println("         to:  " + obligation.recipient());
            out.println("         why: " + obligation.why());
            out.println("         law: " + obligation.source());
        }
        List<Obligation> notTriggered = obligations.stream()
                .filter(obligation -> obligation.status() == ObligationStatus.NOT_TRIGGERED).toList();
        out.println();
        if (all) {
            out.println("Not applying:");
            notTriggered.forEach(obligation -> out.println("  " + obligation.rule() + ": " + obligation.why()));
        } else {
            out.println(notTriggered.size() + " rules do not apply (--all explains each).");
        }
    }

    private static String deadline(Obligation obligation) {
        if (obligation.deadline() == null) {
            return "no fixed deadline (" + obligation.timing().split(";")[0] + ")";
        }
        ZonedDateTime local = obligation.deadlineLocal().orElseThrow();
        return "by " + MINUTES.format(obligation.deadline().atZone(ZoneOffset.UTC)) + " UTC ("
                + MINUTES.format(local) + " " + obligation.zone().getId() + ")"
                + (obligation.provisional() ? " provisional" : "");
    }
}
