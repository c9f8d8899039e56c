package org.rebound.cli;

import java.time.Duration;
import org.rebound.model.io.Durations;
import org.rebound.planning.SolveSettings;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** How long and how wide CP-SAT may search. */
final class SolverOptions {

    @Option(names = "--time-limit", paramLabel = "DURATION", defaultValue = "10s",
            description = "Search time for CP-SAT, such as 10s or 2m (default: ${DEFAULT-VALUE}).")
    String timeLimit;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Worker threads: CP-SAT's, and for psplib also the genetic search's (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    int seed;

    @Option(names = "--deterministic",
            description = "Count the time limit in CP-SAT's deterministic time, so that the same seed and threads always give the same result.")
    boolean deterministic;

    SolveSettings settings(CommandSpec spec) {
        Duration limit = Durations.parse(timeLimit).filter(duration -> !duration.isZero())
                .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                        "--time-limit must be a positive duration such as 10s or 2m, got '" + timeLimit + "'"));
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        return new SolveSettings(limit, threads, seed, deterministic);
    }
}
