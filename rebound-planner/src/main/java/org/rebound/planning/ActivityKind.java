package org.rebound.planning;

import java.time.Duration;
import org.rebound.model.Coded;
import org.rebound.model.Estimate;
import org.rebound.model.Recovery;

/** The steps of recovering a compromised system, in the order they must happen. */
public enum ActivityKind implements Coded {
    /** Forensic triage and clearance. */
    TRIAGE,
    /** Restore or rebuild. */
    RESTORE,
    /** Validate and harden; the system is reconnected once this and its dependencies are done. */
    VALIDATE;

    @Override
    public String id() {
        return Coded.idOf(this);
    }

    Estimate estimate(Recovery recovery) {
        return switch (this) {
            case TRIAGE -> recovery.triage();
            case RESTORE -> recovery.restore();
            case VALIDATE -> recovery.validate();
        };
    }

    /** The most likely duration of this step for {@code recovery}. */
    public Duration likely(Recovery recovery) {
        return estimate(recovery).likely();
    }
}
