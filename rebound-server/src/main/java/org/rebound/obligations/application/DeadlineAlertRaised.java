package org.rebound.obligations.application;

import java.time.Instant;

/** A deadline alert was raised. Carries no content: pages reload what their viewer may see. */
public record DeadlineAlertRaised(long incident, Instant at) {
}
