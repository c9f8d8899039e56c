package org.rebound.server;

import java.time.Clock;
import org.rebound.obligations.application.DeadlineAlerts;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Checks notification deadlines regularly and raises the alerts that have come due. */
@Component
class DeadlineAlertSchedule {

    private final DeadlineAlerts alerts;
    private final Clock clock;

    DeadlineAlertSchedule(DeadlineAlerts alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${rebound.obligations.alert-check-interval:1m}",
            initialDelayString = "${rebound.obligations.alert-check-interval:1m}")
    void raiseDueAlerts() {
        alerts.raiseDue(clock.instant());
    }
}
