package org.rebound.planning.psplib;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A schedule for an RCPSP: the start of every job, its makespan, and what the solver proved.
 *
 * @param lowerBound a proven lower bound on the optimal makespan
 */
public record RcpspSolution(String instance, int makespan, boolean optimal, int lowerBound, int[] starts) {

    public RcpspSolution {
        starts = starts.clone();
    }

    /** Start per job number, in job order: {@code {"1": 0, "2": 0, ...}}. */
    public Map<String, Integer> startsByJob() {
        Map<String, Integer> byJob = new LinkedHashMap<>();
        for (int job = 0; job < starts.length; job++) {
            byJob.put(Integer.toString(job + 1), starts[job]);
        }
        return byJob;
    }
}
