package org.rebound.impact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.rebound.model.BusinessProcess;
import org.rebound.model.SystemState;

/**
 * Finds the systems whose loss alone, with everything else operational, stops at least one process.
 */
public final class SinglePointsOfFailure {

    /**
     * A system that stops {@code processes} on its own.
     *
     * @param costPerHour the summed full-outage cost of those processes, before any workaround
     */
    public record SinglePointOfFailure(String system, List<String> processes, double costPerHour) {
        public SinglePointOfFailure {
            processes = List.copyOf(processes);
        }
    }

    private SinglePointsOfFailure() {
    }

    /** Every single point of failure, costliest first (ties by system id). */
    public static List<SinglePointOfFailure> find(ImpactModel model) {
        LiveImpact live = LiveImpact.allOperational(model);
        List<SinglePointOfFailure> found = new ArrayList<>();
        for (int s = 0; s < model.systemCount(); s++) {
            String system = model.systemId(s);
            List<String> stopped = live.set(system, SystemState.COMPROMISED).processes();
            live.set(system, SystemState.OPERATIONAL);
            if (!stopped.isEmpty()) {
                double cost = stopped.stream()
                        .map(id -> model.enterprise().process(id).orElseThrow())
                        .mapToDouble(BusinessProcess::costPerHour)
                        .sum();
                found.add(new SinglePointOfFailure(system, stopped, cost));
            }
        }
        found.sort(Comparator.comparingDouble(SinglePointOfFailure::costPerHour).reversed()
                .thenComparing(SinglePointOfFailure::system));
        return found;
    }
}
