package org.rebound.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.rebound.json.Json;
import org.rebound.model.Coded;
import org.rebound.model.Enterprise;
import org.rebound.model.Scenario;
import org.rebound.model.io.ModelLoad;
import org.rebound.model.io.ModelReader;
import org.rebound.obligations.FactsLoad;
import org.rebound.obligations.FactsReader;
import org.rebound.obligations.IncidentFacts;
import org.rebound.obligations.Obligation;
import org.rebound.planning.ProcessOutlook;
import org.rebound.readiness.ExerciseScenarios;
import org.rebound.readiness.Tabletop;
import org.rebound.readiness.view.TabletopView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "tabletop", mixinStandardHelpOptions = true,
        description = {
                "Play a scenario on a model as an exercise, nothing stored: impact, recovery plan, P50/P90 restart dates,",
                "expected loss, single points of failure, the systems whose faster recovery saves most, and the",
                "notification duties that would trigger (with --facts). With --compare, the same scenario on a second",
                "model (a variant, such as one with an offline Active Directory backup), compared by expected loss."})
public final class TabletopCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelFileOptions model;

    @Option(names = "--scenario", paramLabel = "ID", description = "A scenario of the model (default: the first).")
    private @Nullable String scenarioId;

    @Option(names = "--generate", paramLabel = "KIND",
            description = "Generate the scenario from the model instead: ransomware-identity-erp, ot-network or supplier-outage.")
    private @Nullable String generate;

    @Option(names = "--start", paramLabel = "INSTANT", description = "When a generated scenario strikes (default: now).")
    private @Nullable String start;

    @Option(names = "--compare", paramLabel = "FILE", description = "A second model to play the same scenario on.")
    private @Nullable Path compare;

    @Option(names = "--facts", paramLabel = "FACTS.yaml",
            description = "The organisation's facts (docs/obligations.md) for the duties that would trigger; awareness is the scenario's start.")
    private @Nullable Path facts;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "1000", description = "Monte Carlo samples (default: ${DEFAULT-VALUE}).")
    private int samples;

    @Option(names = "--json", description = "Print JSON (shape in docs/readiness.md) instead of a summary.")
    private boolean json;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ModelLoad load = model.read(err);
        if (!(load instanceof ModelLoad.Loaded loaded)) {
            return ExitCodes.INVALID_INPUT;
        }
        Enterprise enterprise = loaded.enterprise();
        Optional<Scenario> scenario = scenario(enterprise, err);
        if (scenario.isEmpty()) {
            return ExitCodes.INVALID_INPUT;
        }
        Tabletop.Options options = new Tabletop.Options(samples, 1, 0.5, 10, null);
        if (facts != null) {
            FactsLoad read = FactsReader.read(facts);
            if (read instanceof FactsLoad.Rejected rejected) {
                rejected.problems().forEach(err::println);
                return ExitCodes.INVALID_INPUT;
            }
            options = options.withFacts(((FactsLoad.Loaded) read).facts());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (compare != null) {
            ModelLoad second = ModelReader.read(compare);
            if (!(second instanceof ModelLoad.Loaded variant)) {
                second.problems().forEach(err::println);
                return ExitCodes.INVALID_INPUT;
            }
            return report(Tabletop.compare(model.file.toString(), enterprise, compare.toString(), variant.enterprise(), scenario.get(),
                    options), err, comparison -> {
                if (json) {
                    out.println(Json.write(TabletopView.ComparisonView.of(comparison)));
                } else {
                    printComparison(out, enterprise.currency(), comparison);
                }
            });
        }
        return report(Tabletop.run(enterprise, scenario.get(), options), err, result -> {
            if (json) {
                out.println(Json.write(TabletopView.of(enterprise, result)));
            } else {
                print(out, enterprise, result);
            }
        });
    }

    private <T> int report(Tabletop.Outcome<T> outcome, PrintWriter err, Consumer<T> print) {
        if (outcome instanceof Tabletop.Outcome.Refused<T> refused) {
            refused.reasons().forEach(reason -> err.println("rebound: " + reason));
            return ExitCodes.INVALID_INPUT;
        }
        print.accept(((Tabletop.Outcome.Played<T>) outcome).result());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private Optional<Scenario> scenario(Enterprise enterprise, PrintWriter err) {
        if (generate != null) {
            Optional<ExerciseScenarios.Kind> kind = Coded.parse(ExerciseScenarios.Kind.class, generate);
            if (kind.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--generate must be one of " + Coded.spellings(ExerciseScenarios.Kind.class) + ", got '" + generate + "'");
            }
            Optional<Scenario> generated = ExerciseScenarios.generate(enterprise, kind.get(), startInstant());
            if (generated.isEmpty()) {
                err.println("rebound: " + model.file + " has no system with recovery data that a " + generate + " scenario would take out");
            }
            return generated;
        }
        Optional<Scenario> chosen = scenarioId == null ? enterprise.scenarios().stream().findFirst() : enterprise.scenario(scenarioId);
        if (chosen.isEmpty()) {
            err.println("rebound: " + model.file + (scenarioId == null ? " has no scenario; use --generate"
                    : " has no scenario '" + scenarioId + "'; it has: "
                    + enterprise.scenarios().stream().map(Scenario::id).collect(Collectors.joining(", "))));
        }
        return chosen;
    }

    private Instant startInstant() {
        if (start == null) {
            return Instant.now().truncatedTo(ChronoUnit.HOURS);
        }
        try {
            return OffsetDateTime.parse(start).toInstant();
        } catch (DateTimeParseException malformed) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--start must be an ISO-8601 instant such as 2026-03-02T06:00:00Z, got '" + start + "'");
        }
    }

    private static void print(PrintWriter out, Enterprise enterprise, Tabletop.Result result) {
        String currency = result.impact().currency();
        Scenario scenario = result.scenario();
        out.printf(Locale.ROOT, "Exercise %s on %s, striking %s: %d systems out, %d exfiltrated%n", scenario.id(), enterprise.name(),
                scenario.start(), scenario.compromised().size(), scenario.exfiltrated().size());
        out.printf(Locale.ROOT, "At once: %d of %d processes down, %d degraded, losing %s %s/h.%n", result.impact().processesDown(),
                result.impact().processes(), result.impact().processesDegraded(), currency, money(result.impact().lossPerHour()));
        out.printf(Locale.ROOT, "Plan (%s, %d activities): all back %s, loss %s %s. Expected loss over %d samples: mean %s, P50 %s, P90 %s.%n%n",
                result.plan().engine(), result.plan().activities().size(), result.plan().allBack(), currency,
                money(result.plan().totalLoss()), result.expectedLoss().samples(), money(result.expectedLoss().mean()),
                money(result.expectedLoss().p50()), money(result.expectedLoss().p90()));
        out.println("PROCESS BACK (planned / P50 / P90)");
        for (ProcessOutlook process : result.outlook()) {
            out.printf(Locale.ROOT, "  %-40s %s / %s / %s%n", process.process(), process.planned(), process.p50(), process.p90());
        }
        out.println();
        out.println("FASTER RECOVERY THAT SAVES MOST (each system recovered in half the time)");
        result.sensitivity().forEach(speedup -> out.printf(Locale.ROOT, "  %-24s %s %s saved%n", speedup.system(), currency,
                money(speedup.lossSaved())));
        out.println();
        out.println("SINGLE POINTS OF FAILURE");
        result.singlePointsOfFailure().stream().limit(10).forEach(point -> out.printf(Locale.ROOT, "  %-24s %s %s/h, stops %s%n",
                point.system(), currency, money(point.costPerHour()), String.join(", ", point.processes())));
        if (!result.duties().isEmpty()) {
            out.println();
            out.println("DUTIES THAT WOULD TRIGGER");
            for (Obligation duty : result.duties()) {
                out.printf(Locale.ROOT, "  %-22s %s%n", duty.rule(), duty.deadline() == null ? duty.timing() : "by " + duty.deadline());
            }
        }
        result.notes().forEach(note -> out.println("Note: " + note));
    }

    private static void printComparison(PrintWriter out, String currency, Tabletop.Comparison comparison) {
        out.printf(Locale.ROOT, "Scenario %s, %d systems out.%n", comparison.scenario().id(), comparison.scenario().compromised().size());
        for (Tabletop.Variant variant : List.of(comparison.first(), comparison.second())) {
            out.printf(Locale.ROOT, "  %-40s planned loss %s %s, expected %s (P90 %s), all back %s%n", variant.name(), currency,
                    money(variant.plannedLoss()), money(variant.expectedLoss().mean()), money(variant.expectedLoss().p90()), variant.allBack());
        }
        out.printf(Locale.ROOT, "The second is expected to lose %s %s %s.%n", currency, money(Math.abs(comparison.expectedSaving())),
                comparison.expectedSaving() >= 0 ? "less" : "more");
    }

    private static String money(double amount) {
        return String.format(Locale.UK, "%,.0f", amount);
    }
}
