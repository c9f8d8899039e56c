package org.rebound.impact;

import java.time.Instant;
import java.util.List;

/**
 * The impact on the whole enterprise at {@code at}: every process and backlog, with the total loss
 * rate and the loss accumulated since {@code start}.
 */
public record ImpactReport(
        String enterprise,
        String currency,
        Instant start,
        Instant at,
        List<ProcessImpact> processes,
        List<BacklogStatus> backlogs) {

    public ImpactReport {
        processes = List.copyOf(processes);
        backlogs = List.copyOf(backlogs);
    }

    public double lossPerHour() {
        return processes.stream().mapToDouble(ProcessImpact::lossPerHour).sum();
    }

    public double cumulativeLoss() {
        return processes.stream().mapToDouble(ProcessImpact::cumulativeLoss).sum();
    }

    public long count(ProcessState state) {
        return processes.stream().filter(process -> process.state() == state).count();
    }
}
