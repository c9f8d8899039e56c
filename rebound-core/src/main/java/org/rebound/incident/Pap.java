package org.rebound.incident;

import org.rebound.model.Coded;

/** The Permissible Actions Protocol marking: what recipients may do with the information (FIRST PAP 2.0). */
public enum Pap implements Coded {

    CLEAR, GREEN, AMBER, RED;

    @Override
    public String id() {
        return Coded.idOf(this);
    }
}
