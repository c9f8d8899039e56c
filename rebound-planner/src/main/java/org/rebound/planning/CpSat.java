package org.rebound.planning;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.SatParameters;

/** Loads OR-Tools' native library once and configures CP-SAT the same way for every model. */
public final class CpSat {

    private static volatile boolean loaded;

    private CpSat() {
    }

    /** A new model, the native library loaded. */
    public static CpModel newModel() {
        load();
        return new CpModel();
    }

    static synchronized void load() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }

    /**
     * A solver with the settings' limits. On one thread, or when determinism is asked for, its workers
     * (several search strategies and neighbourhood searches) run interleaved in fixed batches: one
     * thread then still gets the whole portfolio, and with a deterministic time limit the same seed and
     * thread count give the same answer. Otherwise the workers run freely in parallel.
     */
    public static CpSolver solver(SolveSettings settings) {
        load();
        CpSolver solver = new CpSolver();
        SatParameters.Builder parameters = solver.getParameters();
        double seconds = settings.timeLimit().toMillis() / 1000.0;
        if (settings.deterministic()) {
            parameters.setMaxDeterministicTime(seconds);
        } else {
            parameters.setMaxTimeInSeconds(seconds);
        }
        // Presolve probing takes about a second on models with shift calendars; a short re-plan
        // spends its budget on search instead.
        if (seconds < 5) {
            parameters.setCpModelProbingLevel(0);
        }
        parameters.setNumWorkers(settings.threads());
        parameters.setRandomSeed(settings.seed());
        parameters.setInterleaveSearch(settings.deterministic() || settings.threads() == 1);
        return solver;
    }
}
