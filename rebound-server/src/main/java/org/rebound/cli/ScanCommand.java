package org.rebound.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rebound.breach.BreachScanner;
import org.rebound.breach.RegisterFiles;
import org.rebound.breach.ScanSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Scan stolen data (files, folders, .zip/.gz archives; CSV/TSV, JSON, JSON Lines, Excel .xlsx,"
                + " SQL dumps, text and logs) for personal data and write the affected-people register.",
                "Writes affected-people.csv, affected-people.json and scan-summary.json into --out. Run it again with"
                        + " the same inputs and --out to resume an interrupted scan."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every input was scanned", "2:some inputs could not be read (listed; the register covers the rest)",
                "3:could not run (for example the output folder is not writable)"})
public final class ScanCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "files or folders to scan")
    private List<Path> paths;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "breach-scan",
            description = "where the register and summary go (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--json", description = "print the summary as JSON on standard output")
    private boolean json;

    @Option(names = "--threads", paramLabel = "N", description = "files read at once (default: the number of cores)")
    private Integer threads;

    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "character encoding of every text input (default: detected per file: BOM, UTF-16, UTF-8, else Windows-1252)")
    private String encoding;

    @Option(names = "--no-progress", description = "no progress bar on standard error (there is none when it is not a terminal)")
    private boolean noProgress;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Charset charset = null;
        if (encoding != null) {
            try {
                charset = Charset.forName(encoding);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
                err.println("--encoding " + encoding + ": not a character encoding this Java knows");
                return ExitCodes.USAGE;
            }
        }
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (threadCount < 1) {
            err.println("--threads must be at least 1");
            return ExitCodes.USAGE;
        }
        ProgressBar bar = new ProgressBar(err, !noProgress && System.console() != null);
        ScanSummary summary;
        try {
            summary = new BreachScanner(new BreachScanner.Options(threadCount, charset)).scan(paths, this.out, bar);
        } catch (IOException failed) {
            bar.finish();
            err.println("scan failed: " + failed.getMessage());
            return ExitCodes.COULD_NOT_RUN;
        }
        bar.finish();
        if (json) {
            out.print(RegisterFiles.summaryJson(summary));
        } else {
            out.printf("%s in %s from %s; register in %s%n", count(summary.people(), "person", "people"),
                    count(summary.records(), "record", "records"), count(summary.filesScanned(), "file", "files"),
                    this.out.resolve(RegisterFiles.CSV));
            summary.byCategory().forEach((category, people) -> out.printf("  %-22s %d%n", category, people));
        }
        out.flush();
        for (ScanSummary.ScanError error : summary.errors()) {
            err.println(error.file() + ": not scanned: " + error.reason());
        }
        return summary.errors().isEmpty() ? ExitCodes.OK : ExitCodes.INVALID_INPUT;
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** A one-line bar redrawn in place, at most five times a second. */
    private static final class ProgressBar implements BreachScanner.Progress {
        private final PrintWriter err;
        private final boolean enabled;
        private final long started = System.nanoTime();
        private long lastDrawn;
        private boolean drawn;

        ProgressBar(PrintWriter err, boolean enabled) {
            this.err = err;
            this.enabled = enabled;
        }

        @Override
        public synchronized void update(long bytesRead, long bytesTotal, int filesDone, int filesTotal) {
            long now = System.nanoTime();
            if (!enabled || now - lastDrawn < 200_000_000L && filesDone < filesTotal) {
                return;
            }
            lastDrawn = now;
            double fraction = bytesTotal == 0 ? 1 : Math.min(1, (double) bytesRead / bytesTotal);
            int width = 30;
            int filled = (int) Math.round(fraction * width);
            double seconds = Math.max(1e-3, (now - started) / 1e9);
            err.printf("\r[%s%s] %3.0f%%  %,d/%,d MB  %d/%d files  %.0f MB/s ", "#".repeat(filled), " ".repeat(width - filled),
                    fraction * 100, bytesRead >> 20, bytesTotal >> 20, filesDone, filesTotal, bytesRead / 1e6 / seconds);
            err.flush();
            drawn = true;
        }

        synchronized void finish() {
            if (drawn) {
                err.println();
                err.flush();
            }
        }
    }
}
