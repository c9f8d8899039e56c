package org.rebound.security;

import org.rebound.model.Coded;

/** The roles of the incident team. Granted authorities are {@code ROLE_} plus the constant name. */
public enum Role implements Coded {
    ADMIN,
    INCIDENT_COMMANDER,
    RESPONDER,
    FORENSICS,
    DPO_LEGAL,
    BUSINESS_OWNER,
    /** Reads the dashboard; changes nothing. */
    EXECUTIVE,
    /** Sees only what is shared with them. */
    EXTERNAL_PARTNER;

    @Override
    public String id() {
        return Coded.idOf(this);
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
