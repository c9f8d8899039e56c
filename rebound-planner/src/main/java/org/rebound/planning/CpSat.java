package org.rebound.planning;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.SatParameters;

/** Loads OR-Tools' native library once and configures CP-SAT the same way for every model. */
public final class CpSat {

    private static volatile boolean loaded;

    private CpSat() {
    }

    static synchronized void load() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }

    /**
     * A solver limited by deterministic time, so that the same seed and thread count give the same
     * answer; with several threads the workers are interleaved, which keeps the search deterministic.
     * A wall-clock limit four times longer guards against a slow machine.
     */
    static CpSolver solver(SolveSettings settings) {
        load();
        CpSolver solver = new CpSolver();
        SatParameters.Builder parameters = solver.getParameters();
        double seconds = settings.timeLimit().toMillis() / 1000.0;
        parameters.setMaxDeterministicTime(seconds);
        parameters.setMaxTimeInSeconds(seconds * 4 + 5);
        parameters.setNumWorkers(settings.threads());
        parameters.setRandomSeed(settings.seed());
        if (settings.threads() > 1) {
            parameters.setInterleaveSearch(true);
        }
        return solver;
    }
}
