package org.rebound.planning;

/** The scaling shared by the engines' objectives. */
final class Objective {

    /** Tie-breaking terms weigh this much per time unit, in the model's currency. */
    static final double TIE_BREAK_WEIGHT = 0.001;

    private Objective() {
    }

    /** A boost of 2 makes a system's return worth as much per unit of time as the costliest process. */
    static double boostRate(Instance instance) {
        double highest = 0;
        for (Instance.ProcessTerm process : instance.processes) {
            highest = Math.max(highest, Math.max(process.downRate(), process.degradedRate()));
        }
        return highest;
    }
}
