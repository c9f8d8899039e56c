package org.rebound.incident;

import org.rebound.model.Coded;

/** What a timeline entry records. {@code STATE_CHANGE} entries come from the systems' state log. */
public enum TimelineKind implements Coded {

    DETECTION,
    STATE_CHANGE,
    ACTION,
    DECISION,
    COMMUNICATION,
    EVIDENCE,
    NOTE;

    @Override
    public String id() {
        return Coded.idOf(this);
    }
}
