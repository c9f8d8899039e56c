package org.rebound.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.rebound.json.Json;
import org.rebound.model.Enterprise;
import org.rebound.model.Scenario;
import org.rebound.model.io.ModelLoad;
import org.rebound.planning.MonteCarloForecast;
import org.rebound.planning.Plan;
import org.rebound.planning.PlanOutcome;
import org.rebound.planning.PlannedActivity;
import org.rebound.planning.Planner;
import org.rebound.planning.PlanningEngine;
import org.rebound.planning.PlanningRequest;
import org.rebound.planning.ProcessOutlook;
import org.rebound.planning.view.PlanView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {
                "Plan the recovery of a scenario: which team restores which system when, so that the business loses least.",
                "Prints each team's activities, when each process and backlog is back, and the loss with its bound."})
public final class PlanCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelFileOptions model;

    @Option(names = "--scenario", paramLabel = "ID", description = "The scenario to plan for (default: the first in the model).")
    private @Nullable String scenarioId;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "cpsat",
            description = "heuristic (instant), cpsat (optimised, warm-started with the heuristic; default) or naive (dependency order, for comparison).")
    private String engineName;

    @Mixin
    private SolverOptions solver;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "1000",
            description = "Monte Carlo samples for the P50/P90 dates of each process (default: ${DEFAULT-VALUE}; 0 for none).")
    private int samples;

    @Option(names = "--json", description = "Print JSON (shape in docs/planning.md) instead of tables.")
    private boolean json;

    @Override
    public Integer call() {
        PlanningEngine engine = Planner.named(engineName).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "--engine must be heuristic, cpsat or naive, got '" + engineName + "'"));
        var settings = solver.settings(spec);
        if (samples < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--samples must not be negative, got " + samples);
        }
        PrintWriter err = spec.commandLine().getErr();
        ModelLoad load = model.read(err);
        if (!(load instanceof ModelLoad.Loaded loaded)) {
            return ExitCodes.INVALID_INPUT;
        }
        Enterprise enterprise = loaded.enterprise();
        Optional<Scenario> scenario = scenarioId != null ? enterprise.scenario(scenarioId) : enterprise.scenarios().stream().findFirst();
        if (scenario.isEmpty()) {
            err.println("rebound: " + model.file + (scenarioId == null ? " has no scenario to plan for"
                    : " has no scenario '" + scenarioId + "'; it has: "
                    + enterprise.scenarios().stream().map(Scenario::id).collect(Collectors.joining(", "))));
            return ExitCodes.INVALID_INPUT;
        }
        PlanningRequest request = PlanningRequest.atStart(enterprise, scenario.get());
        PlanOutcome outcome = engine.plan(request, settings);
        if (outcome instanceof PlanOutcome.Infeasible infeasible) {
            infeasible.reasons().forEach(reason -> err.println("rebound: cannot plan: " + reason));
            return ExitCodes.INVALID_INPUT;
        }
        Plan plan = ((PlanOutcome.Planned) outcome).plan();
        List<ProcessOutlook> outlook = samples == 0 ? List.of() : MonteCarloForecast.forecast(request, plan, samples, settings.seed());
        PlanView view = PlanView.of(enterprise.name(), enterprise.currency(), scenario.get().id(), plan, outlook);
        if (json) {
            spec.commandLine().getOut().println(Json.write(view));
        } else {
            print(spec.commandLine().getOut(), view, samples > 0);
        }
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, PlanView plan, boolean forecast) {
        String currency = plan.currency();
        out.printf(Locale.ROOT, "%s, scenario %s: recovery plan by %s in %.1f s, %d activities%n", plan.enterprise(), plan.scenario(),
                plan.engine(), plan.solveTimeMs() / 1000.0, plan.activities().size());
        out.printf(Locale.ROOT, "Loss until every process is back: %s %s%s. All back %s.%n%n", currency, money(plan.objective()),
                plan.bound() == null ? "" : plan.optimal() ? " (optimal)"
                        : String.format(Locale.ROOT, " (proven bound %s, gap %.1f%%)", money(plan.bound()), 100 * plan.gap()),
                plan.allBack());
        int width = Math.max(7, plan.processes().stream().mapToInt(process -> process.process().length()).max().orElse(7));
        String row = "%-" + width + "s  %-20s  %-20s  %-20s  %15s%n";
        out.printf(Locale.ROOT, row, "PROCESS", "BACK (PLAN)", forecast ? "P50" : "", forecast ? "P90" : "", "LOSS UNTIL BACK");
        for (PlanView.ProcessView process : plan.processes()) {
            out.printf(Locale.ROOT, row, process.process(), process.restored(), process.p50() == null ? "" : process.p50(),
                    process.p90() == null ? "" : process.p90(), money(process.lossUntilRestored()));
        }
        out.println();
        out.printf(Locale.ROOT, "%-26s  %12s  %s%n", "BACKLOG", "PEAK", "CLEARED");
        plan.backlogs().forEach(backlog -> out.printf(Locale.ROOT, "%-26s  %12s  %s%n", backlog.backlog(), money(backlog.peak()),
                backlog.cleared() == null ? "never at the modelled rates" : backlog.cleared()));
        Map<String, List<PlanView.ActivityView>> byTeam = new TreeMap<>();
        plan.activities().forEach(activity -> byTeam.computeIfAbsent(activity.team(), team -> new java.util.ArrayList<>()).add(activity));
        byTeam.forEach((team, activities) -> {
            out.println();
            out.println("TEAM " + team);
            for (PlanView.ActivityView activity : activities) {
                out.printf(Locale.ROOT, "  %s - %s  %-8s %-26s %s%s%n", activity.start(), activity.end(), activity.kind(), activity.system(),
                        activity.status().equals(PlannedActivity.Status.PLANNED.id()) ? "" : "[" + activity.status() + "] ", activity.why());
            }
        });
        out.flush();
    }

    private static String money(double amount) {
        return String.format(Locale.UK, "%,.0f", amount);
    }
}
