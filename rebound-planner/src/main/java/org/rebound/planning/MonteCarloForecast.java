package org.rebound.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.rebound.model.Estimate;
import org.rebound.model.Recovery;

/**
 * Restoration dates under uncertain durations. Each sample draws every activity's duration from the
 * triangular distribution of its three-point estimate ({@code min, likely, max}) and executes the
 * plan: each team takes its activities in the planned order, each as soon as its previous step is
 * done and enough members are free within their shift, never before its pin or not-before time.
 * Exact estimates give the same date in every sample.
 */
public final class MonteCarloForecast {

    public static final int DEFAULT_SAMPLES = 1_000;

    private MonteCarloForecast() {
    }

    /**
     * @throws IllegalArgumentException if the plan does not cover the request's work (a plan for another request)
     */
    public static List<ProcessOutlook> forecast(PlanningRequest request, Plan plan, int samples, long seed) {
        Simulation simulation = simulate(request, plan, samples, seed);
        Instance instance = simulation.instance();
        long[][] restored = simulation.restored();
        Map<String, ProcessForecast> forecasts = new HashMap<>();
        plan.processes().forEach(forecast -> forecasts.put(forecast.process(), forecast));
        List<ProcessOutlook> outlooks = new ArrayList<>();
        for (int p = 0; p < restored.length; p++) {
            long[] sorted = restored[p].clone();
            Arrays.sort(sorted);
            String id = instance.processes[p].id();
            outlooks.add(new ProcessOutlook(id, forecasts.get(id).restored(), instance.instant(percentile(sorted, 0.5)),
                    instance.instant(percentile(sorted, 0.9))));
        }
        outlooks.sort(Comparator.comparing(ProcessOutlook::p50).thenComparing(ProcessOutlook::process));
        return outlooks;
    }

    /**
     * The loss from the plan's start until every process is back, over the same samples as {@link
     * #forecast}: its mean, median and 90th percentile. With exact estimates all three are the plan's loss.
     */
    public static LossForecast loss(PlanningRequest request, Plan plan, int samples, long seed) {
        Simulation simulation = simulate(request, plan, samples, seed);
        Instance instance = simulation.instance();
        double[] losses = new double[samples];
        for (int sample = 0; sample < samples; sample++) {
            for (int p = 0; p < instance.processes.length; p++) {
                losses[sample] += instance.processes[p].loss(simulation.restored()[p][sample]);
            }
        }
        Arrays.sort(losses);
        double mean = Arrays.stream(losses).average().orElse(0);
        return new LossForecast(mean, losses[(int) Math.ceil(0.5 * samples) - 1], losses[(int) Math.ceil(0.9 * samples) - 1], samples);
    }

    /** Total loss under uncertain durations. */
    public record LossForecast(double mean, double p50, double p90, int samples) {
    }

    /** When each process is back (in the instance's time units) in each sample. */
    private record Simulation(Instance instance, long[][] restored) {
    }

    private static Simulation simulate(PlanningRequest request, Plan plan, int samples, long seed) {
        if (samples < 1) {
            throw new IllegalArgumentException("at least one sample is needed, got " + samples);
        }
        InstanceBuilder.Result built = InstanceBuilder.build(request);
        if (!(built instanceof InstanceBuilder.Result.Built result)) {
            throw new IllegalArgumentException("the request cannot be planned: " + ((InstanceBuilder.Result.Rejected) built).reasons());
        }
        Instance instance = result.instance();
        Map<ActivityKey, PlannedActivity> planned = new HashMap<>();
        plan.activities().forEach(activity -> planned.put(activity.key(), activity));
        Integer[] order = new Integer[instance.taskCount()];
        int[] team = new int[instance.taskCount()];
        for (int task = 0; task < order.length; task++) {
            order[task] = task;
            PlannedActivity activity = planned.get(instance.taskKey[task]);
            if (activity == null) {
                throw new IllegalArgumentException("the plan has no " + instance.taskKey[task]);
            }
            team[task] = Arrays.asList(instance.teamIds).indexOf(activity.team());
        }
        Arrays.sort(order, Comparator.comparing((Integer task) -> instance.isFixed(task) ? -1 : 0)
                .thenComparing(task -> planned.get(instance.taskKey[task]).start()));
        Estimate[] estimates = new Estimate[instance.taskCount()];
        for (int task = 0; task < estimates.length; task++) {
            Recovery recovery = request.enterprise().system(instance.taskKey[task].system()).orElseThrow().recovery();
            estimates[task] = instance.taskKey[task].kind().estimate(recovery);
        }
        long[][] restored = new long[instance.processes.length][samples];
        SplittableRandom random = new SplittableRandom(seed);
        for (int sample = 0; sample < samples; sample++) {
            int[] end = execute(instance, order, team, sampleDurations(instance, estimates, random));
            int[] back = Schedule.backTimes(instance, end);
            for (int p = 0; p < restored.length; p++) {
                restored[p][sample] = Schedule.restoredAt(instance.processes[p], back);
            }
        }
        return new Simulation(instance, restored);
    }

    private static int[] sampleDurations(Instance instance, Estimate[] estimates, SplittableRandom random) {
        int[] durations = new int[instance.taskCount()];
        for (int task = 0; task < durations.length; task++) {
            Estimate estimate = estimates[task];
            double likely = estimate.likely().toMinutes();
            double minutes = estimate.isExact() ? likely : triangular(random, estimate.min().toMinutes(), likely, estimate.max().toMinutes());
            double scale = likely > 0 ? minutes / likely : 1;
            durations[task] = (int) Math.ceil(instance.duration[task] * scale - 1e-9);
        }
        return durations;
    }

    /** Executes the tasks in the given order on their teams with the given durations; returns the ends. */
    private static int[] execute(Instance instance, Integer[] order, int[] team, int[] duration) {
        int[][] memberFree = new int[instance.teamIds.length][];
        for (int t = 0; t < memberFree.length; t++) {
            memberFree[t] = new int[instance.teamCapacity[t]];
        }
        int[] end = new int[instance.taskCount()];
        for (int task : order) {
            int[] free = memberFree[team[task]];
            Arrays.sort(free);
            int crew = instance.crew[task];
            int ready = Math.max(free[crew - 1], instance.release[task]);
            if (instance.predecessor[task] >= 0) {
                ready = Math.max(ready, end[instance.predecessor[task]]);
            }
            if (instance.pinned[task] >= 0) {
                ready = Math.max(ready, instance.pinned[task]);
            }
            WorkCalendar calendar = instance.calendars[team[task]];
            int start = instance.isFixed(task) ? 0 : Math.max(0, calendar.nextWorking(ready));
            int finish = calendar.finish(start, duration[task]);
            end[task] = finish < 0 ? instance.horizon + duration[task] : finish;
            for (int member = 0; member < crew; member++) {
                free[member] = end[task];
            }
        }
        return end;
    }

    static double triangular(SplittableRandom random, double min, double likely, double max) {
        if (max <= min) {
            return likely;
        }
        double u = random.nextDouble();
        double cut = (likely - min) / (max - min);
        return u < cut
                ? min + Math.sqrt(u * (max - min) * (likely - min))
                : max - Math.sqrt((1 - u) * (max - min) * (max - likely));
    }

    private static long percentile(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

}
