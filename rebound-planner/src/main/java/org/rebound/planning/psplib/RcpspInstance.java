package org.rebound.planning.psplib;

import java.util.List;

/**
 * A single-mode RCPSP: jobs with durations, renewable-resource demands and successors; resources
 * with capacities. Job numbers are those of the file (1 is the source, the last the sink).
 */
public record RcpspInstance(String name, List<Job> jobs, int[] capacities) {

    public RcpspInstance {
        jobs = List.copyOf(jobs);
        capacities = capacities.clone();
    }

    /** One job: its number, duration, demand per resource and the numbers of the jobs that must follow it. */
    public record Job(int number, int duration, int[] demands, int[] successors) {
        public Job {
            demands = demands.clone();
            successors = successors.clone();
        }
    }

    public Job job(int number) {
        return jobs.get(number - 1);
    }

    /** An upper bound on any sensible makespan: every job one after another. */
    public int serialLength() {
        return jobs.stream().mapToInt(Job::duration).sum();
    }
}
