package org.rebound.impact.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rebound.impact.BacklogStatus;
import org.rebound.impact.Outage;

/**
 * The business impact of the live incident from its start until now, for reports: the loss curve,
 * each process's outages and loss, how many processes were down on each day, and the backlogs now.
 *
 * @param scenario the scenario the incident runs on, or null when none was declared (no loss is counted then)
 */
public record ImpactHistory(String enterprise, String currency, @Nullable String scenario, Instant start, Instant end,
                            double totalLoss, List<SeriesPoint> series, List<ProcessHistory> processes, List<DayCount> days,
                            List<BacklogStatus> backlogs) {

    public ImpactHistory {
        series = List.copyOf(series);
        processes = List.copyOf(processes);
        days = List.copyOf(days);
        backlogs = List.copyOf(backlogs);
    }

    /** One process that was not up at some time since the start, with its loss over the incident. */
    public record ProcessHistory(String id, String name, @Nullable String site, List<Outage> outages, double loss) {
        public ProcessHistory {
            outages = List.copyOf(outages);
        }

        /** When it was last back up, or null while it is still down or degraded. */
        public @Nullable Instant backAt() {
            return outages.isEmpty() ? null : outages.get(outages.size() - 1).up();
        }
    }

    /** The most processes down, and degraded, at any hour of one UTC day. */
    public record DayCount(LocalDate day, int down, int degraded) {
    }
}
