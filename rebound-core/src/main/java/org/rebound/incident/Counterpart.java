package org.rebound.incident;

import org.rebound.model.Coded;

/** Whom an incident team talks to during a crisis, for the communications log. */
public enum Counterpart implements Coded {

    REGULATOR,
    LAW_ENFORCEMENT,
    NATIONAL_CYBER_AGENCY,
    SUPPLIERS,
    DEALERS,
    CUSTOMERS,
    STAFF,
    PRESS,
    INSURER,
    BOARD,
    OTHER;

    @Override
    public String id() {
        return Coded.idOf(this);
    }
}
