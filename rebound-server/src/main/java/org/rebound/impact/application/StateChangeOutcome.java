package org.rebound.impact.application;

import org.rebound.impact.AvailabilityChange;
import org.rebound.impact.persistence.StateEventStore.StateEvent;

/** What became of a request to change a system's state. */
public sealed interface StateChangeOutcome {

    /** Recorded; {@code change} is what flipped as a result. */
    record Applied(StateEvent event, AvailabilityChange change) implements StateChangeOutcome {
    }

    /** Refused, nothing recorded: {@code field} names the input at fault. */
    record Rejected(String field, String message) implements StateChangeOutcome {
    }

    /** The model has no such system. */
    record UnknownSystem(String system) implements StateChangeOutcome {
    }
}
