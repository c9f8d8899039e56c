package org.rebound.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rebound.impact.StateChange;
import org.rebound.model.Enterprise;
import org.rebound.model.SystemState;
import org.rebound.model.demo.DemoEnterprise;
import org.rebound.model.generate.EnterpriseGenerator;
import org.rebound.planning.ActivityKey;
import org.rebound.planning.ActivityProgress;
import org.rebound.planning.Plan;
import org.rebound.planning.PlanChecker;
import org.rebound.planning.PlanOutcome;
import org.rebound.planning.PlannedActivity;
import org.rebound.planning.Planner;
import org.rebound.planning.PlanningEngine;
import org.rebound.planning.PlanningRequest;
import org.rebound.planning.SolveSettings;

/**
 * The recovery planner: plan quality on the demo (CP-SAT and the heuristic against a naive
 * dependency-order plan, in one run), re-planning speed after a change, and scale on a generated
 * 5,000-system enterprise. Every plan is validated by the independent checker before it counts.
 */
final class PlanningBenchmark {

    static boolean run(PrintStream out) {
        boolean met = demoQuality(out);
        out.println();
        met &= replanning(out);
        out.println();
        met &= scale(out);
        return met;
    }

    private static boolean demoQuality(PrintStream out) {
        Enterprise demo = DemoEnterprise.load();
        PlanningRequest request = PlanningRequest.atStart(demo, demo.scenario(DemoEnterprise.SCENARIO).orElseThrow());
        SolveSettings settings = new SolveSettings(Duration.ofSeconds(10), 1, 1);
        Plan naive = checked(Planner.naive(), request, settings);
        Plan heuristic = checked(Planner.heuristic(), request, settings);
        Plan cpSat = checked(Planner.cpSat(), request, settings);
        out.println("Demo scenario (Albion Motors ransomware, " + cpSat.activities().size() + " activities): loss until every process is back");
        out.printf(Locale.ROOT, "  naive (dependency order, most critical first): GBP %,.0f  all back %s%n", naive.objective(), naive.allBack());
        out.printf(Locale.ROOT, "  heuristic:                                     GBP %,.0f  all back %s  (%d ms)%n",
                heuristic.objective(), heuristic.allBack(), heuristic.solveTime().toMillis());
        out.printf(Locale.ROOT, "  CP-SAT, 10 s, 1 thread:                        GBP %,.0f  all back %s  bound %,.0f gap %.2f%%%n",
                cpSat.objective(), cpSat.allBack(), cpSat.bound(), 100 * cpSat.gap());
        out.printf(Locale.ROOT, "  ratios: CP-SAT/heuristic %.3f, CP-SAT/naive %.3f, heuristic/naive %.3f%n",
                cpSat.objective() / heuristic.objective(), cpSat.objective() / naive.objective(), heuristic.objective() / naive.objective());
        return cpSat.objective() <= heuristic.objective() && heuristic.objective() <= naive.objective();
    }

    /** 20 hours in, work as the first plan said, then the planned ERP restore turns out to need a day more and payroll is isolated. */
    private static boolean replanning(PrintStream out) {
        Enterprise demo = DemoEnterprise.load();
        var scenario = demo.scenario(DemoEnterprise.SCENARIO).orElseThrow();
        PlanningRequest start = PlanningRequest.atStart(demo, scenario);
        Plan first = checked(Planner.heuristic(), start, SolveSettings.defaults());
        Instant now = scenario.start().plus(Duration.ofHours(20));
        Map<ActivityKey, ActivityProgress> progress = new HashMap<>();
        for (PlannedActivity activity : first.activities()) {
            if (!activity.end().isAfter(now)) {
                progress.put(activity.key(), new ActivityProgress.Done(activity.team(), activity.start(), activity.end()));
            } else if (activity.start().isBefore(now)) {
                Duration left = Duration.between(now, activity.end()).plusHours(24);
                progress.put(activity.key(), new ActivityProgress.InProgress(activity.team(), activity.start(), left));
            }
        }
        List<StateChange> history = new java.util.ArrayList<>(start.history());
        history.add(new StateChange(now, "payroll", SystemState.ISOLATED));
        PlanningRequest changed = new PlanningRequest(demo, scenario.start(), history, now, progress, start.constraints());
        Samples heuristic = new Samples(21);
        for (int run = 0; run < 21; run++) {
            long begin = System.nanoTime();
            checked(Planner.heuristic(), changed, SolveSettings.defaults());
            heuristic.add(System.nanoTime() - begin);
        }
        Samples exact = new Samples(3);
        Plan replanned = null;
        for (int run = 0; run < 3; run++) {
            long begin = System.nanoTime();
            replanned = checked(Planner.cpSat(), changed, new SolveSettings(Duration.ofMillis(1500), 1, 1));
            exact.add(System.nanoTime() - begin);
        }
        out.println("Re-planning the demo 20 h in, after an overrun and a newly isolated system (" + progress.size() + " activities done or under way)");
        out.println("  first feasible (heuristic):     " + heuristic.describe() + "   target: < 200 ms");
        out.println("  new plan (CP-SAT, 1.5 s limit): " + exact.describe() + "   target: < 2000 ms");
        out.printf(Locale.ROOT, "  loss from now: GBP %,.0f, gap %.2f%%%n", replanned.objective(), 100 * replanned.gap());
        return heuristic.medianMillis() < 200 && exact.maxMillis() < 2000;
    }

    private static boolean scale(PrintStream out) {
        Enterprise generated = EnterpriseGenerator.generate(5_000, 1);
        PlanningRequest request = PlanningRequest.atStart(generated, generated.scenario("ransomware").orElseThrow());
        Samples first = new Samples(5);
        Plan heuristic = null;
        for (int run = 0; run < 5; run++) {
            long begin = System.nanoTime();
            heuristic = checked(Planner.heuristic(), request, SolveSettings.defaults());
            first.add(System.nanoTime() - begin);
        }
        out.println("Generated enterprise, 5,000 systems, " + heuristic.activities().size() + " activities, "
                + generated.processes().size() + " processes");
        out.println("  first plan (heuristic): " + first.describe() + "   target: < 1000 ms");
        for (int seconds : new int[] {10, 60}) {
            long begin = System.nanoTime();
            Plan exact = checked(Planner.cpSat(), request, new SolveSettings(Duration.ofSeconds(seconds), 2, 1));
            out.printf(Locale.ROOT, "  CP-SAT %2d s, 2 threads: loss %,.0f (heuristic %,.0f, ratio %.4f), gap %.2f%%, %.1f s wall%n",
                    seconds, exact.objective(), heuristic.objective(), exact.objective() / heuristic.objective(),
                    exact.gap() == null ? Double.NaN : 100 * exact.gap(), (System.nanoTime() - begin) / 1e9);
        }
        return first.medianMillis() < 1000;
    }

    private static Plan checked(PlanningEngine engine, PlanningRequest request, SolveSettings settings) {
        PlanOutcome outcome = engine.plan(request, settings);
        if (!(outcome instanceof PlanOutcome.Planned planned)) {
            throw new IllegalStateException(engine.name() + " could not plan: " + outcome);
        }
        List<String> violations = PlanChecker.check(request, planned.plan());
        if (!violations.isEmpty()) {
            throw new IllegalStateException(engine.name() + " returned an invalid plan: " + violations);
        }
        return planned.plan();
    }

    private PlanningBenchmark() {
    }
}
