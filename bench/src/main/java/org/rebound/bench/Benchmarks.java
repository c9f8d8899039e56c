package org.rebound.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;

/**
 * Runs Rebound's speed benchmarks and prints each result with the baseline measured in the same run
 * and the ratio between them. Run with {@code bench/run}; figures go in docs/benchmarks.md.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws IOException {
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
        out.println(allMet ? "All targets met." : "SOME TARGETS MISSED.");
        System.exit(allMet ? 0 : 1);
    }
}
