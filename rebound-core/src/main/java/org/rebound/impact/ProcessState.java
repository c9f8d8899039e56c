package org.rebound.impact;

import org.rebound.model.Coded;

/** How a business process is running: fully, on its manual workaround, or not at all. */
public enum ProcessState implements Coded {
    UP, DEGRADED, DOWN;

    @Override
    public String id() {
        return Coded.idOf(this);
    }
}
