package org.rebound.incident;

import org.rebound.model.Coded;

/**
 * The Traffic Light Protocol 2.0 marking of information: who it may be shared with. Ordered from
 * the most to the least shareable.
 */
public enum Tlp implements Coded {

    CLEAR,
    GREEN,
    AMBER,
    AMBER_STRICT,
    RED;

    @Override
    public String id() {
        return Coded.idOf(this);
    }

    /** The label as written in documents and STIX: {@code TLP:AMBER+STRICT}. */
    public String label() {
        return "TLP:" + name().replace('_', '+');
    }

    /** Whether information with this marking may go to a community partner, such as the national cyber agency. */
    public boolean shareableWithCommunity() {
        return this == CLEAR || this == GREEN;
    }
}
