package org.rebound.incident;

import org.rebound.model.Coded;

/** Where a task stands. Done and cancelled tasks are closed. */
public enum TaskStatus implements Coded {

    OPEN,
    IN_PROGRESS,
    BLOCKED,
    DONE,
    CANCELLED;

    @Override
    public String id() {
        return Coded.idOf(this);
    }

    public boolean closed() {
        return this == DONE || this == CANCELLED;
    }
}
