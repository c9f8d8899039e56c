package org.rebound.planning;

import java.time.Instant;
import org.rebound.model.Coded;

/**
 * One activity of a plan.
 *
 * @param why why it starts when it does: after its previous step, waiting for its team, at a pin...
 */
public record PlannedActivity(String system, ActivityKind kind, String team, Instant start, Instant end, Status status,
                              String why) {

    /** Whether the activity has happened, is under way, or is planned. */
    public enum Status implements Coded {
        DONE, IN_PROGRESS, PLANNED;

        @Override
        public String id() {
            return Coded.idOf(this);
        }
    }

    public ActivityKey key() {
        return new ActivityKey(system, kind);
    }
}
