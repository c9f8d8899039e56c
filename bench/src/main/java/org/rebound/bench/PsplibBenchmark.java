package org.rebound.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.rebound.planning.SolveSettings;
import org.rebound.planning.psplib.PsplibReader;
import org.rebound.planning.psplib.RcpspSolution;
import org.rebound.planning.psplib.RcpspSolver;

/**
 * PSPLIB single-mode RCPSP sets from ../shared/data/psplib: every instance solved with a 10 s limit,
 * j30 on one thread (two instances at a time on two cores), j120 on two threads (one at a time),
 * compared with the best-known results of
 * bks.csv: proven optima on j30, and on j120 the average deviation of the makespan from the
 * critical-path bound against the same deviation of the best-known solutions.
 */
final class PsplibBenchmark {

    private static final Path DATA = Path.of("../shared/data/psplib");

    /** A row of bks.csv: best-known lower and upper bound, optimum (0 when unknown) and critical-path bound. */
    record Known(int lowerBound, int upperBound, int optimum, int criticalPath) {
    }

    static boolean run(PrintStream out, String set, int limitSeconds, int threads, int parallel) throws Exception {
        Path directory = DATA.resolve(set);
        if (!Files.isDirectory(directory)) {
            out.println("PSPLIB " + set + ": skipped, " + directory.toAbsolutePath().normalize() + " is not here (it ships with ../shared)");
            return true;
        }
        Map<String, Known> known = known(directory.resolve("bks.csv"));
        List<Path> files;
        try (var listing = Files.list(directory)) {
            files = listing.filter(path -> path.toString().endsWith(".sm")).sorted().toList();
        }
        SolveSettings settings = new SolveSettings(Duration.ofSeconds(limitSeconds), threads, 1);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<RcpspSolution>> futures = new ArrayList<>();
        for (Path file : files) {
            futures.add(pool.submit(() -> {
                PsplibReader.Result read = PsplibReader.read(file);
                if (!(read instanceof PsplibReader.Result.Parsed parsed)) {
                    throw new IllegalStateException(read.toString());
                }
                return RcpspSolver.solve(parsed.instance(), settings);
            }));
        }
        long begin = System.nanoTime();
        int optimalFound = 0;
        int provenOptimal = 0;
        int matchesBest = 0;
        int betterThanBest = 0;
        double deviation = 0;
        double bestDeviation = 0;
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            RcpspSolution solution = futures.get(i).get();
            Known best = known.get(files.get(i).getFileName().toString());
            if (best == null) {
                throw new IllegalStateException("bks.csv has no row for " + files.get(i).getFileName());
            }
            int reference = best.optimum() > 0 ? best.optimum() : best.upperBound();
            if (best.optimum() > 0 && solution.makespan() == best.optimum()) {
                optimalFound++;
            } else if (best.optimum() > 0) {
                misses.add(solution.instance() + " " + solution.makespan() + " vs " + best.optimum());
            }
            provenOptimal += solution.optimal() ? 1 : 0;
            matchesBest += solution.makespan() == reference ? 1 : 0;
            betterThanBest += solution.makespan() < reference ? 1 : 0;
            deviation += 100.0 * (solution.makespan() - best.criticalPath()) / best.criticalPath();
            bestDeviation += 100.0 * (reference - best.criticalPath()) / best.criticalPath();
        }
        pool.shutdown();
        int count = files.size();
        out.printf(Locale.ROOT, "PSPLIB %s: %d instances, %d s limit each, %d thread%s each, %d at a time (%.0f s wall)%n", set, count,
                limitSeconds, threads, threads == 1 ? "" : "s", parallel, (System.nanoTime() - begin) / 1e9);
        out.printf(Locale.ROOT, "  known optimum reached: %d of %d with a known optimum; proven optimal: %d%n", optimalFound,
                known.values().stream().filter(row -> row.optimum() > 0).count(), provenOptimal);
        out.printf(Locale.ROOT, "  equal to the best known: %d; better than the best known: %d%n", matchesBest, betterThanBest);
        out.printf(Locale.ROOT, "  average deviation from the critical-path bound: %.2f%% (best known: %.2f%%, difference %.2f points)%n",
                deviation / count, bestDeviation / count, deviation / count - bestDeviation / count);
        if (!misses.isEmpty()) {
            out.println("  missed optima: " + String.join(", ", misses.subList(0, Math.min(20, misses.size())))
                    + (misses.size() > 20 ? " and " + (misses.size() - 20) + " more" : ""));
        }
        if (set.equals("j30")) {
            return optimalFound == count;
        }
        return deviation / count - bestDeviation / count <= 1.5;
    }

    static Map<String, Known> known(Path csv) throws IOException {
        Map<String, Known> known = new HashMap<>();
        List<String> lines = Files.readAllLines(csv, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String line : lines.subList(5, lines.size())) {
            String[] cells = line.split(";");
            if (cells.length > 13 && cells[1].endsWith(".sm")) {
                known.put(cells[1], new Known(integer(cells[4]), integer(cells[7]), integer(cells[10]), integer(cells[13])));
            }
        }
        return known;
    }

    private static int integer(String cell) {
        return cell.isBlank() ? 0 : (int) Math.round(Double.parseDouble(cell.replace(',', '.')));
    }


    private PsplibBenchmark() {
    }
}
