package org.rebound.obligations;

import org.rebound.model.Coded;

/** Where a duty stands at the instant it was evaluated. */
public enum ObligationStatus implements Coded {

    /** The facts do not trigger the rule, or an exemption lifts it. */
    NOT_TRIGGERED,
    /** The rule applies and its deadline (if it has one) has not passed. */
    DUE,
    /** The rule applies, it is not done and its deadline has passed. */
    OVERDUE,
    /** The notice was given (the facts record when). */
    DONE;

    @Override
    public String id() {
        return Coded.idOf(this);
    }
}
