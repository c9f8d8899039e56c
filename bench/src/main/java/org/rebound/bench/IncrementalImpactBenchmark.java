package org.rebound.bench;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.rebound.impact.Availability;
import org.rebound.impact.AvailabilityChange;
import org.rebound.impact.ImpactModel;
import org.rebound.impact.LiveImpact;
import org.rebound.model.Enterprise;
import org.rebound.model.EnterpriseSystem;
import org.rebound.model.SystemState;
import org.rebound.model.generate.EnterpriseGenerator;

/**
 * Impact after one state change on a 10,000-system generated enterprise during its ransomware
 * scenario: the incremental update ({@link LiveImpact#set}) against a full recompute
 * ({@link Availability#compute}) of the same states, measured in the same run. Each run flips one
 * system chosen at random, as an operator would, then puts it back (not timed), so every run starts
 * from the same incident state.
 */
final class IncrementalImpactBenchmark {

    static final int SYSTEMS = 10_000;
    private static final int WARM_UP = 20_000;
    private static final int RUNS = 20_000;
    private static final int FULL_EVERY = 25;

    static Result run(PrintStream out) {
        Enterprise enterprise = EnterpriseGenerator.generate(SYSTEMS, 1);
        ImpactModel model = ImpactModel.of(enterprise);
        List<EnterpriseSystem> systems = enterprise.systems();
        Map<String, SystemState> incident = new HashMap<>();
        enterprise.scenario("ransomware").orElseThrow().compromised().forEach(id -> incident.put(id, SystemState.COMPROMISED));
        LiveImpact live = LiveImpact.of(model, incident);
        SplittableRandom random = new SplittableRandom(7);
        long sink = 0;

        for (int i = 0; i < WARM_UP; i++) {
            sink += flipAndRestore(live, incident, systems.get(random.nextInt(systems.size())).id(), null);
            if (i % FULL_EVERY == 0) {
                sink += Availability.compute(model, incident).hashCode();
            }
        }
        Samples incremental = new Samples(RUNS);
        Samples full = new Samples(RUNS / FULL_EVERY);
        long flippedSystems = 0;
        for (int i = 0; i < RUNS; i++) {
            String system = systems.get(random.nextInt(systems.size())).id();
            flippedSystems += flipAndRestore(live, incident, system, incremental);
            if (i % FULL_EVERY == 0) {
                SystemState before = incident.getOrDefault(system, SystemState.OPERATIONAL);
                incident.put(system, flipped(before));
                long start = System.nanoTime();
                Availability availability = Availability.compute(model, incident);
                full.add(System.nanoTime() - start);
                incident.put(system, before);
                sink += availability.hashCode();
            }
        }
        Samples coreNetwork = new Samples(500);
        LiveImpact calm = LiveImpact.allOperational(model);
        String core = systems.get(0).id();
        int coreReach = 0;
        for (int i = 0; i < 500; i++) {
            long start = System.nanoTime();
            AvailabilityChange change = calm.set(core, SystemState.COMPROMISED);
            coreNetwork.add(System.nanoTime() - start);
            coreReach = change.systems().size();
            calm.set(core, SystemState.OPERATIONAL);
        }
        double ratio = full.medianMillis() / incremental.medianMillis();
        out.printf(Locale.ROOT, "Incremental impact update, %,d systems, %,d processes, %d compromised by the scenario%n",
                SYSTEMS, enterprise.processes().size(), incident.size());
        out.println("  incremental, random system:   " + incremental.describe()
                + String.format(Locale.ROOT, ", %.1f systems flipped on average", flippedSystems / (double) RUNS));
        out.println("  incremental, a core network:  " + coreNetwork.describe() + ", " + coreReach + " systems flipped");
        out.println("  full recompute (baseline):    " + full.describe());
        out.printf(Locale.ROOT, "  ratio full/incremental (medians): %.0fx   target: median < 5 ms and >= 20x%n", ratio);
        out.println("  (checksum " + sink + ")");
        return new Result(incremental.medianMillis(), full.medianMillis(), ratio);
    }

    record Result(double incrementalMedianMillis, double fullMedianMillis, double ratio) {
        boolean meetsTarget() {
            return incrementalMedianMillis < 5 && ratio >= 20;
        }
    }

    /** Flips one system (timed into {@code samples} when given) and puts it back; returns how many systems flipped. */
    private static int flipAndRestore(LiveImpact live, Map<String, SystemState> incident, String system, Samples samples) {
        SystemState before = incident.getOrDefault(system, SystemState.OPERATIONAL);
        long start = System.nanoTime();
        AvailabilityChange change = live.set(system, flipped(before));
        long elapsed = System.nanoTime() - start;
        if (samples != null) {
            samples.add(elapsed);
        }
        live.set(system, before);
        return change.systems().size();
    }

    private static SystemState flipped(SystemState state) {
        return state.isOperable() ? SystemState.COMPROMISED : SystemState.RESTORED;
    }

    private IncrementalImpactBenchmark() {
    }
}
