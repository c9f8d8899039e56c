package org.rebound.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rebound.json.Json;
import org.rebound.planning.psplib.PsplibReader;
import org.rebound.planning.psplib.RcpspSolution;
import org.rebound.planning.psplib.RcpspSolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "psplib", mixinStandardHelpOptions = true,
        description = "Solve a PSPLIB single-mode RCPSP (.sm file) for the shortest makespan with the planner's CP-SAT machinery.")
public final class PsplibCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.sm", description = "A PSPLIB single-mode instance.")
    private Path file;

    @Mixin
    private SolverOptions solver;

    @Option(names = "--json", description = "Print {\"instance\", \"makespan\", \"optimal\", \"lower_bound\", \"starts\"}.")
    private boolean json;

    @Override
    public Integer call() {
        var settings = solver.settings(spec);
        PsplibReader.Result read = PsplibReader.read(file);
        if (read instanceof PsplibReader.Result.Invalid invalid) {
            spec.commandLine().getErr().println(invalid);
            return ExitCodes.INVALID_INPUT;
        }
        RcpspSolution solution = RcpspSolver.solve(((PsplibReader.Result.Parsed) read).instance(), settings);
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("instance", solution.instance());
            result.put("makespan", solution.makespan());
            result.put("optimal", solution.optimal());
            result.put("lower_bound", solution.lowerBound());
            result.put("starts", solution.startsByJob());
            spec.commandLine().getOut().println(Json.write(result));
        } else {
            spec.commandLine().getOut().println(solution.instance() + ": makespan " + solution.makespan()
                    + (solution.optimal() ? " (optimal)" : ", lower bound " + solution.lowerBound()));
        }
        return ExitCodes.OK;
    }
}
