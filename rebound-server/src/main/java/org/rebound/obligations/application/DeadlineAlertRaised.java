package org.rebound.obligations.application;

import java.time.Instant;

/** Deadline alerts were raised in a round of checks. Carries no content: pages reload what their viewer may see. */
public record DeadlineAlertRaised(int alerts, Instant at) {
}
