package org.rebound.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.rebound.impact.BacklogStatus;
import org.rebound.impact.ImpactModel;
import org.rebound.impact.ImpactReport;
import org.rebound.impact.ImpactTracker;
import org.rebound.impact.ProcessImpact;
import org.rebound.impact.StateChange;
import org.rebound.impact.view.ImpactView;
import org.rebound.json.Json;
import org.rebound.model.Enterprise;
import org.rebound.model.Scenario;
import org.rebound.model.SystemState;
import org.rebound.model.io.Durations;
import org.rebound.model.io.ModelLoad;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "impact", mixinStandardHelpOptions = true,
        description = {
                "Show what an incident costs: each process's state and loss rate at an instant, and the loss so far.",
                "Without --scenario the model's first scenario is used; --down takes more systems out at the start",
                "(what-if)."})
public final class ImpactCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelFileOptions model;

    @Option(names = "--scenario", paramLabel = "ID", description = "The scenario to evaluate (default: the first in the model).")
    private @Nullable String scenarioId;

    @Option(names = "--down", paramLabel = "SYSTEMS", split = ",",
            description = "Further systems out of action from the start, comma-separated.")
    private List<String> down = new ArrayList<>();

    @Option(names = "--at", paramLabel = "WHEN",
            description = "When to evaluate: a duration after the start (48h, 2d12h) or an ISO-8601 instant (default: now).")
    private @Nullable String at;

    @Option(names = "--json", description = "Print JSON (shape in docs/impact.md) instead of a table.")
    private boolean json;

    private final Clock clock;

    public ImpactCommand() {
        this(Clock.systemUTC());
    }

    ImpactCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ModelLoad load = model.read(err);
        if (!(load instanceof ModelLoad.Loaded loaded)) {
            return ExitCodes.INVALID_INPUT;
        }
        Enterprise enterprise = loaded.enterprise();
        Optional<Scenario> scenario = scenario(enterprise);
        if (scenarioId != null && scenario.isEmpty()) {
            err.println("rebound: " + model.file + " has no scenario '" + scenarioId + "'; it has: "
                    + enterprise.scenarios().stream().map(Scenario::id).collect(Collectors.joining(", ")));
            return ExitCodes.INVALID_INPUT;
        }
        List<String> unknown = down.stream().filter(id -> enterprise.system(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            err.println("rebound: --down names systems " + model.file + " does not have: " + String.join(", ", unknown));
            return ExitCodes.INVALID_INPUT;
        }
        Instant start = scenario.map(Scenario::start).orElse(clock.instant());
        Instant when = instant(start);
        if (when.isBefore(start)) {
            err.println("rebound: --at " + at + " is before the start of the scenario, " + start);
            return ExitCodes.INVALID_INPUT;
        }
        List<StateChange> changes = new ArrayList<>(scenario.map(ImpactTracker::scenarioChanges).orElse(List.of()));
        down.forEach(system -> changes.add(new StateChange(start, system, SystemState.ISOLATED)));
        ImpactTracker tracker = ImpactTracker.replay(ImpactModel.of(enterprise), start, changes);
        ImpactReport report = tracker.reportAt(when);
        List<String> unavailable = tracker.availability().unavailableSystems();
        String scenarioName = scenario.map(Scenario::id).orElse(null);
        if (json) {
            spec.commandLine().getOut().println(Json.write(ImpactView.of(report, scenarioName, unavailable)));
        } else {
            printTable(spec.commandLine().getOut(), enterprise, report, scenarioName, unavailable);
        }
        return ExitCodes.OK;
    }

    private Optional<Scenario> scenario(Enterprise enterprise) {
        if (scenarioId != null) {
            return enterprise.scenario(scenarioId);
        }
        return enterprise.scenarios().stream().findFirst();
    }

    private Instant instant(Instant start) {
        if (at == null) {
            Instant now = clock.instant();
            return now.isBefore(start) ? start : now;
        }
        Optional<Duration> offset = Durations.parse(at);
        if (offset.isPresent()) {
            return start.plus(offset.get());
        }
        try {
            return OffsetDateTime.parse(at).toInstant();
        } catch (DateTimeParseException malformed) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--at must be a duration such as 48h or an ISO-8601 instant such as 2025-09-03T06:00:00Z, got '" + at + "'");
        }
    }

    private static void printTable(PrintWriter out, Enterprise enterprise, ImpactReport report, @Nullable String scenario,
                                   List<String> unavailable) {
        String currency = report.currency();
        Duration elapsed = Duration.between(report.start(), report.at());
        out.println(report.enterprise() + (scenario == null ? "" : ", scenario " + scenario) + ", "
                + Durations.format(elapsed.withNanos(0)) + " after " + report.start() + " (at " + report.at() + ")");
        out.printf(Locale.ROOT, "Loss now %s %s/h, since the start %s %s. Processes: %d down, %d degraded, %d up. %d of %d systems unavailable.%n%n",
                currency, money(report.lossPerHour()), currency, money(report.cumulativeLoss()),
                report.count(org.rebound.impact.ProcessState.DOWN), report.count(org.rebound.impact.ProcessState.DEGRADED),
                report.count(org.rebound.impact.ProcessState.UP), unavailable.size(), enterprise.systems().size());
        int width = Math.max(8, report.processes().stream().mapToInt(process -> process.id().length()).max().orElse(8));
        String row = "%-" + width + "s  %-8s  %13s  %15s  %s%n";
        out.printf(Locale.ROOT, row, "PROCESS", "STATE", "LOSS/H", "CUMULATIVE", "UNAVAILABLE REQUIREMENTS");
        for (ProcessImpact process : report.processes()) {
            out.printf(Locale.ROOT, row, process.id(), process.state().id(), money(process.lossPerHour()),
                    money(process.cumulativeLoss()), abbreviate(process.unavailableRequirements()));
        }
        if (!report.backlogs().isEmpty()) {
            out.println();
            int backlogWidth = Math.max(7, report.backlogs().stream().mapToInt(backlog -> backlog.id().length()).max().orElse(7));
            String backlogRow = "%-" + backlogWidth + "s  %12s  %s%n";
            out.printf(Locale.ROOT, backlogRow, "BACKLOG", "LEVEL", "UNIT");
            for (BacklogStatus backlog : report.backlogs()) {
                out.printf(Locale.ROOT, backlogRow, backlog.id(), money(backlog.level()), backlog.unit());
            }
        }
        out.flush();
    }

    private static String abbreviate(List<String> systems) {
        if (systems.size() <= 4) {
            return String.join(", ", systems);
        }
        return String.join(", ", systems.subList(0, 4)) + " and " + (systems.size() - 4) + " more";
    }

    private static String money(double amount) {
        return String.format(Locale.UK, "%,.0f", amount);
    }
}
