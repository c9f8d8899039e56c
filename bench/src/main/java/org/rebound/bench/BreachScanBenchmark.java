package org.rebound.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.rebound.breach.BreachScanner;
import org.rebound.breach.ScanSummary;
import org.rebound.breach.SyntheticBreachData;

/**
 * Breach scanning at scale, on generated customer tables (bench/target/breach, kept between runs):
 * <ul>
 *   <li>throughput per core on 1 GB: the scanner on one thread against a plain loop reading the same
 *       file byte by byte through a BufferedInputStream (target: at least 0.25 of it);</li>
 *   <li>bounded memory: 5 GB of input scanned by a separate JVM limited to a 1 GB heap;</li>
 *   <li>identity resolution: the resolution phase of that scan, scaled to 10 million records
 *       (target: under 2 minutes).</li>
 * </ul>
 */
final class BreachScanBenchmark {

    private static final long GIGABYTE = 1L << 30;

    static boolean run(PrintStream out) throws Exception {
        Path data = Files.createDirectories(Path.of("bench/target/breach"));
        List<Path> files = new ArrayList<>();
        ExecutorService generators = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        List<Future<Long>> generated = new ArrayList<>();
        for (int part = 1; part <= 5; part++) {
            Path file = data.resolve("customers-" + part + ".csv");
            long seed = part;
            if (!Files.exists(file) || Files.size(file) < GIGABYTE) {
                out.printf(Locale.ROOT, "  generating %s (1 GB)...%n", file);
                generated.add(generators.submit(() -> SyntheticBreachData.writeLargeCustomerCsv(file, GIGABYTE, seed)));
            }
            files.add(file);
        }
        for (Future<Long> file : generated) {
            file.get();
        }
        generators.shutdown();
        Path first = files.get(0);
        double megabytes = Files.size(first) / 1e6;

        readBytes(first); // into the page cache, and the loop compiled
        long begin = System.nanoTime();
        long checksum = readBytes(first);
        double baselineSeconds = (System.nanoTime() - begin) / 1e9;

        Path out1 = Files.createTempDirectory("rebound-bench-scan");
        begin = System.nanoTime();
        ScanSummary one = new BreachScanner(new BreachScanner.Options(1, null)).scan(List.of(first), out1, BreachScanner.Progress.NONE);
        double scanSeconds = (System.nanoTime() - begin) / 1e9;
        delete(out1);
        double baselineRate = megabytes / baselineSeconds;
        double scanRate = megabytes / one.reading().toNanos() * 1e9;
        double ratio = scanRate / baselineRate;

        out.printf(Locale.ROOT, "Breach scan of a generated customer table (%.0f MB, %,d rows)%n", megabytes, one.records());
        out.printf(Locale.ROOT, "  baseline, a loop reading every byte: %.0f MB/s (checksum %d)%n", baselineRate, checksum);
        out.printf(Locale.ROOT, "  scanner on one thread, reading and detecting: %.0f MB/s = %.2fx the baseline   target: >= 0.25x%n",
                scanRate, ratio);
        out.printf(Locale.ROOT, "  whole scan including resolution and the register: %.1f s (%,d people; resolution %.1f s)%n",
                scanSeconds, one.people(), one.resolving().toMillis() / 1000.0);

        ChildResult child = scanInChildJvm(files, out);
        double perTenMillion = child.resolvingSeconds / child.records * 10_000_000;
        out.printf(Locale.ROOT, "  5 files, %.1f GB, in a JVM with -Xmx1g on 2 threads: %s in %.0f s (%,d records, %,d people; old generation peak %d MB)%n",
                files.stream().mapToLong(BreachScanBenchmark::size).sum() / 1e9, child.exitCode == 0 ? "done" : "FAILED (exit " + child.exitCode + ")",
                child.totalSeconds, child.records, child.people, child.peakHeapMegabytes);
        out.printf(Locale.ROOT, "  identity resolution: %.1f s for %,d records = %.1f s per 10 million   target: < 120 s%n",
                child.resolvingSeconds, child.records, perTenMillion);
        return ratio >= 0.25 && child.exitCode == 0 && perTenMillion < 120;
    }

    private static long readBytes(Path file) throws IOException {
        long sum = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            for (int b = in.read(); b >= 0; b = in.read()) {
                sum += b;
            }
        }
        return sum;
    }

    private record ChildResult(int exitCode, double totalSeconds, long records, long people, double resolvingSeconds,
            long peakHeapMegabytes) {
    }

    private static ChildResult scanInChildJvm(List<Path> files, PrintStream out) throws Exception {
        Path output = Files.createTempDirectory("rebound-bench-scan-5g");
        Path report = output.resolve("child-report.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), ChildScan.class.getName(),
                output.resolve("register").toString(), report.toString()));
        files.forEach(file -> command.add(file.toString()));
        long begin = System.nanoTime();
        Process process = new ProcessBuilder(command).inheritIO().start();
        boolean finished = process.waitFor(30, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        try {
            if (!finished || process.exitValue() != 0 || !Files.exists(report)) {
                return new ChildResult(finished ? process.exitValue() : -1, seconds, 0, 0, Double.NaN, 0);
            }
            String[] figures = Files.readString(report).trim().split(" ");
            return new ChildResult(0, seconds, Long.parseLong(figures[0]), Long.parseLong(figures[1]),
                    Double.parseDouble(figures[2]), Long.parseLong(figures[3]));
        } finally {
            delete(output);
        }
    }

    /** The scan run in the child JVM: writes "records people resolving-seconds old-generation-peak-MB" to its report. */
    static final class ChildScan {
        public static void main(String[] args) throws IOException {
            List<Path> inputs = Stream.of(args).skip(2).map(Path::of).toList();
            ScanSummary summary = new BreachScanner(new BreachScanner.Options(2, null))
                    .scan(inputs, Path.of(args[0]), BreachScanner.Progress.NONE);
            // the old generation's peak is what the scan kept alive; young pools peak at different moments
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Old")) {
                    peak = Math.max(peak, pool.getPeakUsage().getUsed());
                }
            }
            Files.writeString(Path.of(args[1]), summary.records() + " " + summary.people() + " "
                    + summary.resolving().toMillis() / 1000.0 + " " + peak / (1024 * 1024));
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private BreachScanBenchmark() {
    }
}
