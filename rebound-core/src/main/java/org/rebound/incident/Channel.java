package org.rebound.incident;

import org.rebound.model.Coded;

/** How a communication went out or came in. */
public enum Channel implements Coded {

    PHONE,
    EMAIL,
    MEETING,
    PORTAL,
    LETTER,
    PRESS_RELEASE,
    WEBSITE,
    OTHER;

    @Override
    public String id() {
        return Coded.idOf(this);
    }
}
