package org.rebound.planning.psplib;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.CumulativeConstraint;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.IntervalVar;
import com.google.ortools.sat.LinearExpr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.rebound.planning.CpSat;
import org.rebound.planning.SolveSettings;

/**
 * Minimises the makespan of an RCPSP: a genetic algorithm over activity lists finds a good schedule,
 * then CP-SAT (fixed-size intervals, one cumulative constraint per resource, precedences) improves
 * it and proves a lower bound.
 */
public final class RcpspSolver {

    private static final int IMPROVEMENT_PASSES = 20;
    /** The genetic search's population in the quick phase and the heuristic alone. */
    private static final int QUICK_POPULATION = 500;
    /** The longer search's population on large instances, per thread breeding it. */
    private static final int POPULATION_PER_THREAD = 750;
    private static final double MUTATION = 0.05;
    /** The share of children made by peak crossover; the others by two-point crossover. */
    private static final double PEAK_CROSSOVERS = 0.5;
    private static final int STAGNATION = 50;
    private static final int DEFAULT_SCHEDULES = 2_000;
    private static final int QUICK_SCHEDULES = 2_000;
    private static final int MAX_SCHEDULES = 1_000_000;
    /** Up to this many jobs (PSPLIB's j30 has 32), the time after the quick phase goes to CP-SAT looking for ever shorter schedules. */
    private static final int SMALL_INSTANCE_JOBS = 40;

    private final RcpspInstance instance;
    private final int jobs;
    private final int horizon;
    private final int[] duration;
    private final int[] earliestStart;
    private long @org.jspecify.annotations.Nullable [] capacityLeft;
    /** Resources packed into the lanes of longs: capacities and each job's demands, {@code lanes} to a word. */
    private final int laneBits;
    private final int lanes;
    private final int words;
    private final long laneTops;
    private final long[] packedCapacity;
    private final long[][] packedDemand;
    /** Per job, the sum over resources of the share of the capacity it takes. */
    private final double[] capacityShare;
    private final List<List<Integer>> predecessors = new ArrayList<>();

    private RcpspSolver(RcpspInstance instance) {
        this.instance = instance;
        this.jobs = instance.jobs().size();
        this.horizon = instance.serialLength();
        this.duration = instance.jobs().stream().mapToInt(RcpspInstance.Job::duration).toArray();
        for (int job = 0; job < jobs; job++) {
            predecessors.add(new ArrayList<>());
        }
        for (RcpspInstance.Job job : instance.jobs()) {
            for (int successor : job.successors()) {
                predecessors.get(successor - 1).add(job.number() - 1);
            }
        }
        int[] capacities = instance.capacities();
        this.laneBits = java.util.Arrays.stream(capacities).allMatch(capacity -> capacity < 1 << 15) ? 16 : 32;
        this.lanes = 64 / laneBits;
        this.words = Math.max(1, (capacities.length + lanes - 1) / lanes);
        long tops = 0;
        for (int lane = 0; lane < lanes; lane++) {
            tops |= 1L << (lane * laneBits + laneBits - 1);
        }
        this.laneTops = tops;
        this.packedCapacity = packed(capacities);
        this.packedDemand = new long[jobs][];
        this.capacityShare = new double[jobs];
        for (int job = 0; job < jobs; job++) {
            int[] demands = instance.jobs().get(job).demands();
            packedDemand[job] = packed(demands);
            for (int resource = 0; resource < capacities.length; resource++) {
                if (demands[resource] > 0) {
                    capacityShare[job] += (double) demands[resource] / capacities[resource];
                }
            }
        }
        this.earliestStart = new int[jobs];
        for (int job : topologicalOrder()) {
            for (int predecessor : predecessors.get(job)) {
                earliestStart[job] = Math.max(earliestStart[job], earliestStart[predecessor] + duration[predecessor]);
            }
        }
    }

    private long[] packed(int[] amounts) {
        long[] packed = new long[words];
        for (int resource = 0; resource < amounts.length; resource++) {
            packed[resource / lanes] |= (long) amounts[resource] << (resource % lanes * laneBits);
        }
        return packed;
    }

    public static RcpspSolution solve(RcpspInstance instance, SolveSettings settings) {
        return new RcpspSolver(instance).run(settings);
    }

    /** The genetic search alone on {@code threads} threads, {@code schedules} on each, with a population of {@code size}. */
    static int[] geneticSearch(RcpspInstance instance, int threads, int schedules, int size) {
        return new RcpspSolver(instance).parallelSearch(threads, schedules, Long.MAX_VALUE, size);
    }

    /** The heuristic alone: a feasible schedule at once. */
    public static RcpspSolution heuristic(RcpspInstance instance) {
        RcpspSolver solver = new RcpspSolver(instance);
        int[] starts = solver.heuristicStarts();
        int makespan = solver.makespan(starts);
        int lowerBound = solver.lowerBound();
        return new RcpspSolution(instance.name(), makespan, makespan == lowerBound, lowerBound, starts);
    }

    /**
     * The longer of the critical path and the energy bound: a resource does at most its capacity of
     * work per time unit, so no schedule is shorter than any resource's total work over its capacity
     * (on j120 often far above the critical path: 177 against 71 on j12016_1).
     */
    private int lowerBound() {
        int bound = makespan(earliestStart);
        int[] capacities = instance.capacities();
        for (int resource = 0; resource < capacities.length; resource++) {
            long work = 0;
            for (int job = 0; job < jobs; job++) {
                work += (long) duration[job] * instance.jobs().get(job).demands()[resource];
            }
            if (capacities[resource] > 0) {
                bound = (int) Math.max(bound, (work + capacities[resource] - 1) / capacities[resource]);
            }
        }
        return bound;
    }

    /** One CP-SAT run: its best schedule, whether it proved it optimal, and its lower bound. */
    private record Attempt(int[] starts, int makespan, boolean optimal, int bound, double work) {
    }

    /**
     * Three phases within the limit: a quick genetic search and CP-SAT for 15% of the time, which
     * settles most instances with a proof; otherwise a fresh, longer genetic search until 96% of the
     * time (on j120 CP-SAT never shortened its schedule in the last 12%, but the search kept finding
     * shorter ones late), and CP-SAT for the rest from the best schedule found, which proves some.
     * (With a deterministic limit the phases are counted in schedules and deterministic time.)
     */
    private RcpspSolution run(SolveSettings settings) {
        long begin = System.nanoTime();
        long limitNanos = settings.timeLimit().toNanos();
        Attempt quick = cpSat(heuristicStarts(QUICK_SCHEDULES), part(settings, 0.15, begin, limitNanos), -1);
        if (quick.optimal()) {
            return solution(quick, quick.bound());
        }
        if (jobs <= SMALL_INSTANCE_JOBS) {
            return shortened(quick, settings, begin, limitNanos);
        }
        // a population as large as the threads can breed in the time (on the 60 j120 instances numbered 1,
        // points above the best known: one thread 1.49 with 500, 1.45 with 750; two threads 1.33 with 500,
        // 1.16 with 1,000, 1.12 with 1,500)
        int size = POPULATION_PER_THREAD * settings.threads();
        int[] searched = settings.deterministic()
                ? parallelSearch(settings.threads(), (int) Math.min(MAX_SCHEDULES, settings.timeLimit().toMillis()), Long.MAX_VALUE, size)
                : parallelSearch(settings.threads(), MAX_SCHEDULES, begin + limitNanos * 96 / 100, size);
        Attempt thorough = cpSat(makespan(searched) <= quick.makespan() ? searched : quick.starts(), part(settings, 0.85, begin, limitNanos),
                -1);
        Attempt best = thorough.makespan() <= quick.makespan() ? thorough : quick;
        return solution(best, Math.max(quick.bound(), thorough.bound()));
    }

    /**
     * The genetic search with its children decoded on {@code threads} threads ({@code schedules} on
     * each): one population of {@code size}, and on a schedule budget the same schedules on any number
     * of threads.
     */
    private int[] parallelSearch(int threads, int schedules, long deadline, int size) {
        try (Decoder decoder = new Decoder(threads)) {
            return heuristicStarts((int) Math.min(MAX_SCHEDULES, (long) schedules * threads), deadline, decoder, size);
        }
    }

    /**
     * Decodes activity lists, split across threads with a solver each for its own scratch space;
     * decoding is a pure function of the list, so the split changes nothing but the time.
     */
    private final class Decoder implements AutoCloseable {
        private final RcpspSolver[] helpers;
        private final java.util.concurrent.@org.jspecify.annotations.Nullable ExecutorService pool;

        Decoder(int threads) {
            helpers = new RcpspSolver[threads - 1];
            for (int helper = 0; helper < helpers.length; helper++) {
                helpers[helper] = new RcpspSolver(instance);
            }
            pool = threads > 1 ? java.util.concurrent.Executors.newFixedThreadPool(threads - 1) : null;
        }

        List<Individual> decode(List<int[]> orders) {
            int parts = helpers.length + 1;
            int chunk = (orders.size() + parts - 1) / parts;
            List<java.util.concurrent.Future<List<Individual>>> decoding = new ArrayList<>();
            for (int part = 1; part < parts && pool != null; part++) {
                RcpspSolver helper = helpers[part - 1];
                List<int[]> share = orders.subList(Math.min(orders.size(), part * chunk), Math.min(orders.size(), (part + 1) * chunk));
                decoding.add(pool.submit(() -> helper.decodeEach(share)));
            }
            List<Individual> decoded = decodeEach(orders.subList(0, Math.min(orders.size(), chunk)));
            try {
                for (java.util.concurrent.Future<List<Individual>> part : decoding) {
                    decoded.addAll(part.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while searching " + instance.name(), e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("the genetic search failed on " + instance.name(), e.getCause());
            }
            return decoded;
        }

        @Override
        public void close() {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private List<Individual> decodeEach(List<int[]> orders) {
        List<Individual> decoded = new ArrayList<>(orders.size());
        for (int[] order : orders) {
            decoded.add(decode(order));
        }
        return decoded;
    }

    /** The settings for a phase: a share of a deterministic limit, or the wall time left of the share's end. */
    private static SolveSettings part(SolveSettings settings, double share, long begin, long limitNanos) {
        if (settings.deterministic()) {
            return new SolveSettings(java.time.Duration.ofMillis(Math.max(100, Math.round(settings.timeLimit().toMillis() * share))),
                    settings.threads(), settings.seed(), true);
        }
        long end = share >= 0.85 ? begin + limitNanos : begin + Math.round(limitNanos * share);
        long left = Math.max(200_000_000L, end - System.nanoTime());
        return new SolveSettings(java.time.Duration.ofNanos(left), settings.threads(), settings.seed(), false);
    }

    private RcpspSolution solution(Attempt attempt, int bound) {
        int lowerBound = attempt.optimal() ? attempt.makespan() : Math.max(bound, lowerBound());
        return new RcpspSolution(instance.name(), attempt.makespan(), attempt.optimal() || lowerBound == attempt.makespan(),
                lowerBound, attempt.starts());
    }

    /**
     * Shorter schedules than the quick phase's, one time unit at a time, until one is proved impossible
     * or the time is up. On small instances the genetic search has converged within the quick phase;
     * what is left to find, one search strategy without the linear relaxation, asked only for a
     * schedule within a cap, finds more reliably than the optimising portfolio (j3029_8: 80 with 8 of 8
     * seeds at 10 s, against 3 of 8 optimising sequentially and rarely interleaved).
     */
    private RcpspSolution shortened(Attempt quick, SolveSettings settings, long begin, long limitNanos) {
        Attempt best = quick;
        int bound = quick.bound();
        double work = settings.timeLimit().toMillis() * 0.85 / 1000;
        while (bound < best.makespan() && (settings.deterministic() ? work > 0.1 : System.nanoTime() - begin < limitNanos - 200_000_000L)) {
            // deterministically, what is left of the budget; otherwise up to the limit
            double share = settings.deterministic() ? work * 1000 / settings.timeLimit().toMillis() : 0.85;
            Attempt shorter = cpSat(best.starts(), part(settings, share, begin, limitNanos), best.makespan() - 1);
            work -= shorter.work();
            if (shorter.makespan() < best.makespan()) {
                best = shorter;
            } else if (shorter.optimal()) {
                bound = best.makespan();
            } else {
                break;
            }
        }
        return solution(best, bound);
    }

    /** CP-SAT from {@code hint}; with a {@code cap} ≥ 0, any schedule no longer than the cap, else the shortest. */
    private Attempt cpSat(int[] hint, SolveSettings settings, int cap) {
        CpModel model = CpSat.newModel();
        IntVar[] start = new IntVar[jobs];
        IntervalVar[] interval = new IntervalVar[jobs];
        for (int job = 0; job < jobs; job++) {
            start[job] = model.newIntVar(earliestStart[job], horizon - duration[job], "s" + (job + 1));
            interval[job] = model.newFixedSizeIntervalVar(start[job], duration[job], "j" + (job + 1));
            model.addHint(start[job], hint[job]);
        }
        for (int resource = 0; resource < instance.capacities().length; resource++) {
            CumulativeConstraint cumulative = model.addCumulative(instance.capacities()[resource]);
            for (int job = 0; job < jobs; job++) {
                int demand = instance.jobs().get(job).demands()[resource];
                if (demand > 0 && duration[job] > 0) {
                    cumulative.addDemand(interval[job], demand);
                }
            }
        }
        for (int job = 0; job < jobs; job++) {
            for (int predecessor : predecessors.get(job)) {
                model.addGreaterOrEqual(start[job], LinearExpr.affine(start[predecessor], 1, duration[predecessor]));
            }
        }
        IntVar makespan = model.newIntVar(makespan(earliestStart), horizon, "makespan");
        for (int job = 0; job < jobs; job++) {
            model.addGreaterOrEqual(makespan, LinearExpr.affine(start[job], 1, duration[job]));
        }
        model.addHint(makespan, makespan(hint));
        if (cap >= 0) {
            model.addLessOrEqual(makespan, cap);
        } else {
            model.minimize(makespan);
        }

        CpSolver solver = CpSat.solver(settings);
        if (cap >= 0 && settings.threads() == 1) {
            solver.getParameters().setInterleaveSearch(false);
            solver.getParameters().setLinearizationLevel(0);
        }
        CpSolverStatus status = solver.solve(model);
        double work = solver.response().getDeterministicTime();
        if (cap >= 0 && status == CpSolverStatus.INFEASIBLE) {
            // no schedule within the cap: the hint's is optimal
            return new Attempt(hint, makespan(hint), true, cap + 1, work);
        }
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return new Attempt(hint, makespan(hint), false, makespan(earliestStart), work);
        }
        int[] starts = new int[jobs];
        for (int job = 0; job < jobs; job++) {
            starts[job] = (int) solver.value(start[job]);
        }
        int found = makespan(starts);
        if (cap >= 0) {
            // a schedule within the cap proves nothing about a bound: there is no objective
            return new Attempt(starts, found, false, makespan(earliestStart), work);
        }
        boolean optimal = status == CpSolverStatus.OPTIMAL;
        return new Attempt(starts, found, optimal, optimal ? found : (int) Math.ceil(solver.bestObjectiveBound() - 1e-9), work);
    }

    private int makespan(int[] starts) {
        int makespan = 0;
        for (int job = 0; job < jobs; job++) {
            makespan = Math.max(makespan, starts[job] + duration[job]);
        }
        return makespan;
    }

    /**
     * A genetic algorithm over activity lists (Hartmann's representation): lists decoded by the serial
     * schedule generation scheme and improved by forward-backward passes, whose start order is written
     * back into the list; half of the children by peak crossover, half by two-point crossover, both
     * keeping precedences; adjacent swaps as mutation; the
     * best of parents and children survive. Seeded from the latest-finish-time rule and randomised
     * variants of it. Deterministic; {@code schedules} bounds the work.
     */
    int[] heuristicStarts(int schedules) {
        try (Decoder decoder = new Decoder(1)) {
            return heuristicStarts(schedules, Long.MAX_VALUE, decoder, QUICK_POPULATION);
        }
    }

    /**
     * As {@link #heuristicStarts(int)}, stopping early at {@code deadline} ({@link System#nanoTime()}),
     * with the children decoded by {@code decoder}.
     */
    private int[] heuristicStarts(int schedules, long deadline, Decoder decoder, int size) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(jobs);
        int[] latestFinish = latestFinish(horizon);
        Individual best = decode(precedenceFeasible(sortedBy(latestFinish, 1, null)));
        List<Individual> population = new ArrayList<>(List.of(best));
        int evaluated = 1;
        int stagnant = 0;
        while (evaluated < schedules && System.nanoTime() < deadline) {
            if (population.size() < size) {
                population.addAll(decoder.decode(sample(latestFinish, best.makespan, size - population.size(), random)));
                evaluated += size;
                continue;
            }
            List<int[]> children = new ArrayList<>();
            for (int pair = 0; pair < size / 2; pair++) {
                Individual mother = population.get(random.nextInt(population.size()));
                Individual father = population.get(random.nextInt(population.size()));
                if (random.nextDouble() < PEAK_CROSSOVERS) {
                    children.add(mutate(peakCrossover(mother, father, random), random));
                    children.add(mutate(peakCrossover(father, mother, random), random));
                } else {
                    children.add(mutate(crossover(mother.order, father.order, random), random));
                    children.add(mutate(crossover(father.order, mother.order, random), random));
                }
            }
            evaluated += children.size();
            population = survivors(population, decoder.decode(children), size);
            if (population.get(0).makespan < best.makespan) {
                best = population.get(0);
                stagnant = 0;
            } else if (++stagnant >= STAGNATION) {
                // Start again around the best schedule: converged populations stop finding anything new.
                population = new ArrayList<>(List.of(best));
                stagnant = 0;
            }
        }
        return best.starts;
    }

    /** Randomised latest-finish-time orders: each job's latest finish plus noise of up to a quarter of the makespan. */
    private List<int[]> sample(int[] latestFinish, int makespan, int count, java.util.SplittableRandom random) {
        List<int[]> sampled = new ArrayList<>();
        int spread = Math.max(1, makespan / 4);
        for (int i = 0; i < count; i++) {
            double[] key = new double[jobs];
            for (int job = 0; job < jobs; job++) {
                key[job] = latestFinish[job] + random.nextDouble() * spread;
            }
            sampled.add(precedenceFeasible(byKey(key)));
        }
        return sampled;
    }

    /** The best distinct schedules of parents and children. */
    private List<Individual> survivors(List<Individual> parents, List<Individual> children, int size) {
        List<Individual> all = new ArrayList<>(parents);
        all.addAll(children);
        all.sort(Comparator.comparingInt((Individual individual) -> individual.makespan));
        List<Individual> kept = new ArrayList<>();
        java.util.Set<Starts> seen = new java.util.HashSet<>();
        for (Individual individual : all) {
            if (kept.size() < size && seen.add(new Starts(individual.starts))) {
                kept.add(individual);
            }
        }
        return kept;
    }

    int[] heuristicStarts() {
        return heuristicStarts(DEFAULT_SCHEDULES);
    }

    /** An activity list and its decoded, improved schedule. */
    private record Individual(int[] order, int[] starts, int makespan) {
    }

    /** A schedule compared by its start times. */
    private record Starts(int[] starts) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Starts that && java.util.Arrays.equals(starts, that.starts);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(starts);
        }
    }

    private Individual decode(int[] order) {
        int[] starts = improve(serial(order, false));
        return new Individual(sortedBy(starts, 1, null), starts, makespan(starts));
    }

    /**
     * Two-point crossover: the child keeps the mother's jobs before the first cut, then takes the
     * father's order up to the second, then the mother's for the rest; precedence-feasible by construction.
     */
    private int[] crossover(int[] mother, int[] father, java.util.SplittableRandom random) {
        int first = random.nextInt(jobs);
        int second = first + random.nextInt(jobs - first + 1);
        int[] child = java.util.Arrays.copyOf(mother, jobs);
        boolean[] taken = new boolean[jobs];
        for (int i = 0; i < first; i++) {
            taken[child[i]] = true;
        }
        int size = first;
        for (int i = 0; i < jobs && size < second; i++) {
            if (!taken[father[i]]) {
                child[size++] = father[i];
                taken[father[i]] = true;
            }
        }
        for (int job : mother) {
            if (!taken[job]) {
                child[size++] = job;
            }
        }
        return child;
    }

    /**
     * Peak crossover: the child keeps the stretch of the mother's schedule where the resources are
     * busiest, its jobs in the mother's order, and takes the jobs before and after it in the father's.
     */
    private int[] peakCrossover(Individual mother, Individual father, java.util.SplittableRandom random) {
        int makespan = Math.max(1, mother.makespan);
        double[] load = new double[makespan];
        for (int job = 0; job < jobs; job++) {
            for (int unit = mother.starts[job]; unit < mother.starts[job] + duration[job]; unit++) {
                load[unit] += capacityShare[job];
            }
        }
        int length = 1 + random.nextInt(Math.max(1, makespan / 4));
        double sum = 0;
        for (int unit = 0; unit < length; unit++) {
            sum += load[unit];
        }
        double busiest = sum;
        int from = 0;
        for (int unit = length; unit < makespan; unit++) {
            sum += load[unit] - load[unit - length];
            if (sum > busiest) {
                busiest = sum;
                from = unit - length + 1;
            }
        }
        int to = from + length;
        int[] child = new int[jobs];
        int size = 0;
        for (int job : father.order) {
            if (mother.starts[job] < from) {
                child[size++] = job;
            }
        }
        for (int job : mother.order) {
            if (mother.starts[job] >= from && mother.starts[job] < to) {
                child[size++] = job;
            }
        }
        for (int job : father.order) {
            if (mother.starts[job] >= to) {
                child[size++] = job;
            }
        }
        return child;
    }

    /** Swaps neighbours that are not precedence-related, each with a small probability, in place. */
    private int[] mutate(int[] order, java.util.SplittableRandom random) {
        for (int i = 0; i + 1 < order.length; i++) {
            if (random.nextDouble() < MUTATION) {
                int first = order[i];
                int second = order[i + 1];
                if (!predecessors.get(second).contains(first)) {
                    order[i] = second;
                    order[i + 1] = first;
                }
            }
        }
        return order;
    }

    /** Forward-backward improvement: right-justify in order of finish, left-justify in order of start, while it helps. */
    private int[] improve(int[] schedule) {
        int[] best = schedule;
        for (int pass = 0; pass < IMPROVEMENT_PASSES; pass++) {
            int[] current = best;
            int[] right = serial(sortedBy(current, -1, duration), true);
            int[] left = serial(sortedBy(right, 1, null), false);
            if (makespan(left) >= makespan(best)) {
                break;
            }
            best = left;
        }
        return best;
    }

    /**
     * The jobs in order of {@code sign * (time[job] + (plus == null ? 0 : plus[job]))}, ties by job:
     * by start, or by finish from the last; one primitive sort, as the improvement passes sort often.
     */
    private int[] sortedBy(int[] time, int sign, int @org.jspecify.annotations.Nullable [] plus) {
        long[] keyed = new long[jobs];
        for (int job = 0; job < jobs; job++) {
            long key = sign * ((long) time[job] + (plus == null ? 0 : plus[job]));
            keyed[job] = (key - Integer.MIN_VALUE) << 20 | job;
        }
        java.util.Arrays.sort(keyed);
        int[] order = new int[jobs];
        for (int i = 0; i < jobs; i++) {
            order[i] = (int) (keyed[i] & 0xFFFFF);
        }
        return order;
    }

    private int[] byKey(double[] key) {
        List<Integer> order = new ArrayList<>();
        for (int job = 0; job < jobs; job++) {
            order.add(job);
        }
        order.sort(Comparator.comparingDouble((Integer job) -> key[job]).thenComparingInt(job -> job));
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Places jobs one by one in {@code order}: forward, each at the earliest time its predecessors
     * are done and resources free; or backward, each as late as possible before its successors,
     * shifted back to start at 0. Each unit is looked at once per job, all resources at once.
     */
    private int[] serial(int[] order, boolean backward) {
        long[] left = capacityLeft();
        int[] start = new int[jobs];
        boolean[] placed = new boolean[jobs];
        int first = horizon;
        int last = 0;
        for (int job : order) {
            int time;
            if (!backward) {
                time = 0;
                for (int predecessor : predecessors.get(job)) {
                    time = Math.max(time, start[predecessor] + duration[predecessor]);
                }
                time = earliestFit(left, job, time);
            } else {
                int latestEnd = horizon;
                for (int successor : instance.jobs().get(job).successors()) {
                    if (placed[successor - 1]) {
                        latestEnd = Math.min(latestEnd, start[successor - 1]);
                    }
                }
                time = latestFit(left, job, latestEnd);
            }
            start[job] = time;
            placed[job] = true;
            first = Math.min(first, time);
            last = Math.max(last, time + duration[job]);
            long[] demand = packedDemand[job];
            for (int unit = time; unit < time + duration[job]; unit++) {
                for (int word = 0; word < words; word++) {
                    left[unit * words + word] -= demand[word];
                }
            }
        }
        for (int unit = Math.max(0, first); unit < Math.min(horizon + 1, last); unit++) {
            System.arraycopy(packedCapacity, 0, left, unit * words, words);
        }
        if (backward) {
            for (int job = 0; job < jobs; job++) {
                start[job] -= first;
            }
        }
        return start;
    }

    /** The capacity left over the horizon, unit by unit, all of it: one array for every schedule, restored after each. */
    private long[] capacityLeft() {
        if (capacityLeft == null) {
            capacityLeft = new long[words * (horizon + 1)];
            for (int unit = 0; unit <= horizon; unit++) {
                System.arraycopy(packedCapacity, 0, capacityLeft, unit * words, words);
            }
        }
        return capacityLeft;
    }

    /** The earliest start from {@code time} on with room for {@code job} throughout: each unit looked at once. */
    private int earliestFit(long[] left, int job, int time) {
        int start = time;
        for (int unit = time, free = 0; free < duration[job]; unit++) {
            if (fits(left, job, unit)) {
                free++;
            } else {
                free = 0;
                start = unit + 1;
            }
        }
        return start;
    }

    /** The latest start for {@code job} to end by {@code end} with room throughout: each unit looked at once. */
    private int latestFit(long[] left, int job, int end) {
        int finish = end;
        for (int unit = end - 1, free = 0; free < duration[job]; unit--) {
            if (fits(left, job, unit)) {
                free++;
            } else {
                free = 0;
                finish = unit;
            }
        }
        return finish - duration[job];
    }

    /**
     * Whether {@code job} fits in {@code unit} beside what is there. All resources of a word at once:
     * with each lane's top bit set, subtracting the demand clears it exactly in the lanes with too
     * little left, and no lane borrows from its neighbour.
     */
    private boolean fits(long[] left, int job, int unit) {
        long[] demand = packedDemand[job];
        int base = unit * words;
        for (int word = 0; word < words; word++) {
            if ((((left[base + word] | laneTops) - demand[word]) & laneTops) != laneTops) {
                return false;
            }
        }
        return true;
    }

    /** Reorders a priority list so that every job comes after its predecessors, keeping priorities otherwise. */
    private int[] precedenceFeasible(int[] priority) {
        int[] ordered = new int[jobs];
        boolean[] done = new boolean[jobs];
        for (int size = 0; size < jobs;) {
            for (int job : priority) {
                if (!done[job] && predecessors.get(job).stream().allMatch(predecessor -> done[predecessor])) {
                    ordered[size++] = job;
                    done[job] = true;
                    break;
                }
            }
        }
        return ordered;
    }

    private int[] latestFinish(int bound) {
        int[] latest = new int[jobs];
        java.util.Arrays.fill(latest, bound);
        List<Integer> order = topologicalOrder();
        for (int i = order.size() - 1; i >= 0; i--) {
            int job = order.get(i);
            for (int successor : instance.jobs().get(job).successors()) {
                latest[job] = Math.min(latest[job], latest[successor - 1] - duration[successor - 1]);
            }
        }
        return latest;
    }

    private List<Integer> topologicalOrder() {
        int[] pending = new int[jobs];
        for (int job = 0; job < jobs; job++) {
            pending[job] = predecessors.get(job).size();
        }
        List<Integer> order = new ArrayList<>();
        java.util.ArrayDeque<Integer> ready = new java.util.ArrayDeque<>();
        for (int job = 0; job < jobs; job++) {
            if (pending[job] == 0) {
                ready.add(job);
            }
        }
        while (!ready.isEmpty()) {
            int job = ready.poll();
            order.add(job);
            for (int successor : instance.jobs().get(job).successors()) {
                if (--pending[successor - 1] == 0) {
                    ready.add(successor - 1);
                }
            }
        }
        if (order.size() < jobs) {
            throw new IllegalArgumentException(instance.name() + " has a precedence cycle");
        }
        return order;
    }
}
