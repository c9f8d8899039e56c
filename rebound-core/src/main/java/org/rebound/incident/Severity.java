package org.rebound.incident;

import org.rebound.model.Coded;

/** How bad an incident is. */
public enum Severity implements Coded {

    LOW, MEDIUM, HIGH, CRITICAL;

    @Override
    public String id() {
        return Coded.idOf(this);
    }
}
