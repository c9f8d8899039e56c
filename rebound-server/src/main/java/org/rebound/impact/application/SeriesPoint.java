package org.rebound.impact.application;

import java.time.Instant;
import java.util.Map;

/** The impact at one instant of a time series: loss rate, loss so far, and each backlog's level. */
public record SeriesPoint(Instant at, double lossPerHour, double cumulativeLoss, Map<String, Double> backlogs) {

    public SeriesPoint {
        backlogs = Map.copyOf(backlogs);
    }
}
