/**
 * Readiness exercises on the enterprise model, in a sandbox that never touches a live incident.
 *
 * <p>{@link org.rebound.readiness.ExerciseScenarios} generates scenarios from the model ("ransomware on
 * identity and ERP", "OT network", "supplier outage"); {@link org.rebound.readiness.Tabletop} runs one:
 * the impact, a recovery plan, P50/P90 restart dates, the expected loss under uncertain durations, the
 * single points of failure, the systems whose faster recovery would save most, and the notification
 * duties that would trigger; and compares two variants of a model on the same scenario by expected loss.
 */
@NullMarked
package org.rebound.readiness;

import org.jspecify.annotations.NullMarked;
