package org.rebound.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;

/**
 * Runs Rebound's benchmarks and prints each result with the baseline measured in the same run and the
 * ratio between them. {@code bench/run} runs impact, import, audit, ioc, plan and load (a few minutes);
 * {@code bench/run psplib-j30} and {@code bench/run psplib-j120} run the PSPLIB sets (about 2 and 62
 * minutes); {@code bench/run breach} the breach scan at scale (6 GB of generated data, about 15 minutes).
 * Figures go in docs/benchmarks.md.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        List<String> only = List.of(args);
        out.println("Rebound benchmarks, " + Instant.now() + ", Java " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        out.println();
        boolean allMet = true;
        if (only.isEmpty() || only.contains("impact")) {
            allMet &= IncrementalImpactBenchmark.run(out).meetsTarget();
            out.println();
        }
        if (only.isEmpty() || only.contains("import")) {
            allMet &= ImportBenchmark.run(out).meetsTarget();
            out.println();
        }
        if (only.isEmpty() || only.contains("audit")) {
            allMet &= AuditBenchmark.run(out);
            out.println();
        }
        if (only.isEmpty() || only.contains("ioc")) {
            allMet &= IocImportBenchmark.run(out);
            out.println();
        }
        if (only.isEmpty() || only.contains("plan")) {
            allMet &= PlanningBenchmark.run(out);
            out.println();
        }
        if (only.isEmpty() || only.contains("load")) {
            allMet &= LoadBenchmark.run(out);
            out.println();
        }
        if (only.contains("breach")) {
            allMet &= BreachScanBenchmark.run(out);
            out.println();
        }
        if (only.contains("psplib-j30")) {
            allMet &= PsplibBenchmark.run(out, "j30", 10, 1, 2);
            out.println();
        }
        if (only.contains("psplib-j120")) {
            allMet &= PsplibBenchmark.run(out, "j120", 10, 2, 1);
            out.println();
        }
        out.println(allMet ? "All targets met." : "SOME TARGETS MISSED.");
        System.exit(allMet ? 0 : 1);
    }
}
