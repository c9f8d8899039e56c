package org.rebound.readiness;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.rebound.impact.ImpactModel;
import org.rebound.impact.ImpactReport;
import org.rebound.impact.ImpactTracker;
import org.rebound.impact.ProcessState;
import org.rebound.impact.SinglePointsOfFailure;
import org.rebound.impact.SinglePointsOfFailure.SinglePointOfFailure;
import org.rebound.model.Enterprise;
import org.rebound.model.EnterpriseSystem;
import org.rebound.model.Estimate;
import org.rebound.model.Recovery;
import org.rebound.model.Scenario;
import org.rebound.obligations.DataCategories;
import org.rebound.obligations.IncidentFacts;
import org.rebound.obligations.Obligation;
import org.rebound.obligations.ObligationsEngine;
import org.rebound.planning.MonteCarloForecast;
import org.rebound.planning.MonteCarloForecast.LossForecast;
import org.rebound.planning.Plan;
import org.rebound.planning.PlanOutcome;
import org.rebound.planning.PlannedActivity;
import org.rebound.planning.Planner;
import org.rebound.planning.PlanningRequest;
import org.rebound.planning.ProcessOutlook;
import org.rebound.planning.SolveSettings;

/**
 * A tabletop exercise: a scenario played on a copy of the model, nothing stored. Plans come from the
 * heuristic engine, which is deterministic, so an exercise gives the same answer every time it runs.
 */
public final class Tabletop {

    /**
     * @param speedUp     how much faster a system's recovery is tried in the sensitivity analysis (0.5: in half the time)
     * @param facts       the organisation's standing and the people affected, for the duties that would trigger;
     *                    null to leave them out. Awareness is taken as the scenario's start
     */
    public record Options(int samples, long seed, double speedUp, int sensitivityTop, @Nullable IncidentFacts facts) {

        public Options {
            if (samples < 1 || speedUp <= 0 || speedUp >= 1 || sensitivityTop < 0) {
                throw new IllegalArgumentException("samples >= 1, 0 < speedUp < 1 and sensitivityTop >= 0 are needed");
            }
        }

        public static Options defaults() {
            return new Options(MonteCarloForecast.DEFAULT_SAMPLES, 1, 0.5, 10, null);
        }

        public Options withFacts(@Nullable IncidentFacts given) {
            return new Options(samples, seed, speedUp, sensitivityTop, given);
        }
    }

    /** The impact the moment the scenario strikes. */
    public record Impact(String currency, double lossPerHour, long processesDown, long processesDegraded, long processes) {
    }

    /** How much sooner recovering one system would end the incident's loss. */
    public record Speedup(String system, String name, double lossSaved) {
    }

    public record Result(Scenario scenario, Impact impact, Plan plan, List<ProcessOutlook> outlook, LossForecast expectedLoss,
                         List<SinglePointOfFailure> singlePointsOfFailure, List<Speedup> sensitivity, List<Obligation> duties,
                         List<String> notes) {
    }

    /** One model on the scenario, for comparisons. */
    public record Variant(String name, double plannedLoss, LossForecast expectedLoss, Instant allBack) {
    }

    public record Comparison(Scenario scenario, Variant first, Variant second) {

        /** How much less the second variant is expected to lose (negative: more). */
        public double expectedSaving() {
            return first.expectedLoss().mean() - second.expectedLoss().mean();
        }
    }

    /** The exercise's outcome: its result, or why the scenario cannot be played on the model. */
    public sealed interface Outcome<T> {
        record Played<T>(T result) implements Outcome<T> {
        }

        record Refused<T>(List<String> reasons) implements Outcome<T> {
            public Refused {
                reasons = List.copyOf(reasons);
            }
        }
    }

    private Tabletop() {
    }

    public static Outcome<Result> run(Enterprise enterprise, Scenario scenario, Options options) {
        PlanningRequest request = PlanningRequest.atStart(enterprise, scenario);
        PlanOutcome planned = Planner.heuristic().plan(request, SolveSettings.defaults());
        if (planned instanceof PlanOutcome.Infeasible infeasible) {
            return new Outcome.Refused<>(infeasible.reasons());
        }
        Plan plan = ((PlanOutcome.Planned) planned).plan();
        ImpactModel model = ImpactModel.of(enterprise);
        ImpactReport atStart = ImpactTracker.forScenario(model, scenario).reportAt(scenario.start());
        Impact impact = new Impact(enterprise.currency(), atStart.lossPerHour(), atStart.count(ProcessState.DOWN),
                atStart.count(ProcessState.DEGRADED), enterprise.processes().size());
        List<ProcessOutlook> outlook = MonteCarloForecast.forecast(request, plan, options.samples(), options.seed());
        LossForecast expected = MonteCarloForecast.loss(request, plan, options.samples(), options.seed());
        List<String> notes = new ArrayList<>();
        List<Obligation> duties = List.of();
        if (options.facts() != null) {
            IncidentFacts facts = exerciseFacts(enterprise, scenario, options.facts(), notes);
            duties = ObligationsEngine.standard().evaluate(facts, scenario.start()).stream().filter(Obligation::triggered).toList();
        } else {
            notes.add("notification duties left out: give the organisation's facts to see which would trigger");
        }
        return new Outcome.Played<>(new Result(scenario, impact, plan, outlook, expected, SinglePointsOfFailure.find(model),
                sensitivity(enterprise, scenario, plan, options), duties, notes));
    }

    /** Both models on the same scenario, each with its own plan and expected loss. */
    public static Outcome<Comparison> compare(String firstName, Enterprise first, String secondName, Enterprise second,
                                              Scenario scenario, Options options) {
        List<String> reasons = new ArrayList<>();
        Variant a = variant(firstName, first, scenario, options, reasons);
        Variant b = variant(secondName, second, scenario, options, reasons);
        if (a == null || b == null) {
            return new Outcome.Refused<>(reasons);
        }
        return new Outcome.Played<>(new Comparison(scenario, a, b));
    }

    private static @Nullable Variant variant(String name, Enterprise enterprise, Scenario scenario, Options options, List<String> reasons) {
        List<String> unknown = scenario.compromised().stream().filter(id -> enterprise.system(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            reasons.add(name + " has no system " + String.join(", ", unknown));
            return null;
        }
        PlanningRequest request = PlanningRequest.atStart(enterprise, scenario);
        PlanOutcome planned = Planner.heuristic().plan(request, SolveSettings.defaults());
        if (planned instanceof PlanOutcome.Infeasible infeasible) {
            infeasible.reasons().forEach(reason -> reasons.add(name + ": " + reason));
            return null;
        }
        Plan plan = ((PlanOutcome.Planned) planned).plan();
        return new Variant(name, plan.totalLoss(), MonteCarloForecast.loss(request, plan, options.samples(), options.seed()), plan.allBack());
    }

    /** For each system the plan works on, the loss saved if its recovery took {@code speedUp} of the time; the largest savings first. */
    static List<Speedup> sensitivity(Enterprise enterprise, Scenario scenario, Plan plan, Options options) {
        Set<String> worked = new LinkedHashSet<>();
        plan.activities().stream().map(PlannedActivity::system).forEach(worked::add);
        List<Speedup> savings = new ArrayList<>();
        for (String system : worked) {
            Enterprise faster = withFasterRecovery(enterprise, system, options.speedUp());
            PlanOutcome replanned = Planner.heuristic().plan(PlanningRequest.atStart(faster, scenario), SolveSettings.defaults());
            if (replanned instanceof PlanOutcome.Planned better) {
                double saved = plan.totalLoss() - better.plan().totalLoss();
                if (saved > 0) {
                    savings.add(new Speedup(system, enterprise.system(system).orElseThrow().name(), saved));
                }
            }
        }
        savings.sort(Comparator.comparingDouble(Speedup::lossSaved).reversed().thenComparing(Speedup::system));
        return List.copyOf(savings.subList(0, Math.min(options.sensitivityTop(), savings.size())));
    }

    /** The model with one system's recovery taking {@code factor} of the time (each estimate scaled), for variants. */
    public static Enterprise withFasterRecovery(Enterprise enterprise, String systemId, double factor) {
        List<EnterpriseSystem> systems = new ArrayList<>();
        for (EnterpriseSystem system : enterprise.systems()) {
            Recovery recovery = system.recovery();
            if (system.id().equals(systemId) && recovery != null) {
                recovery = new Recovery(scaled(recovery.triage(), factor), scaled(recovery.restore(), factor),
                        scaled(recovery.validate(), factor), recovery.crew());
                system = new EnterpriseSystem(system.id(), system.name(), system.site(), system.kind(), system.skill(), recovery,
                        system.dependsOn(), system.data());
            }
            systems.add(system);
        }
        return new Enterprise(enterprise.name(), enterprise.currency(), enterprise.sites(), enterprise.teams(), systems,
                enterprise.processes(), enterprise.backlogs(), enterprise.scenarios());
    }

    private static Estimate scaled(Estimate estimate, double factor) {
        return new Estimate(scaled(estimate.min(), factor), scaled(estimate.likely(), factor), scaled(estimate.max(), factor));
    }

    private static Duration scaled(Duration duration, double factor) {
        return Duration.ofSeconds(Math.round(duration.toSeconds() * factor));
    }

    /**
     * The organisation's facts as they would stand in the exercise: aware when the scenario strikes, a
     * materiality decision at the same distance from awareness as given, no notice given yet, and, when
     * no personal data are given, the data the scenario's exfiltrated systems hold.
     */
    static IncidentFacts exerciseFacts(Enterprise enterprise, Scenario scenario, IncidentFacts given, List<String> notes) {
        IncidentFacts.PersonalData data = given.personalData();
        if (!data.involved() && !scenario.exfiltrated().isEmpty()) {
            Set<String> groups = new TreeSet<>();
            for (String system : scenario.exfiltrated()) {
                enterprise.system(system).ifPresent(found -> found.data().forEach(label -> groups.addAll(DataCategories.groupsOfModelLabel(label))));
            }
            if (!groups.isEmpty()) {
                data = new IncidentFacts.PersonalData(true, groups, data.highRisk(), data.encrypted(), data.unlikelyRisk(),
                        data.riskMitigated(), data.disproportionateEffort());
                notes.add("personal data taken as the data the exfiltrated systems hold: " + String.join(", ", groups));
            }
        }
        Instant material = given.materialityDeterminedAt() == null ? null
                : scenario.start().plus(Duration.between(given.awareAt(), given.materialityDeterminedAt()));
        return new IncidentFacts(scenario.start(), null, given.entity(), data, given.affected(), given.significantIncident(), material,
                Map.of());
    }
}
