package org.rebound.model;

/**
 * Where a system stands during an incident. A system in an {@linkplain #isOperable() operable} state
 * runs if its dependencies do; the others are out of action whatever their dependencies do.
 */
public enum SystemState implements Coded {
    /** Running normally. */
    OPERATIONAL(true),
    /** Running, but under investigation. */
    SUSPECTED(true),
    /** Encrypted or attacker-controlled. */
    COMPROMISED(false),
    /** Deliberately disconnected or shut down to contain the attack. */
    ISOLATED(false),
    /** Being triaged, rebuilt or validated. */
    RECOVERING(false),
    /** Back in service after recovery. */
    RESTORED(true),
    /** Back in service and validated clean. */
    VERIFIED(true);

    private final boolean operable;

    SystemState(boolean operable) {
        this.operable = operable;
    }

    public boolean isOperable() {
        return operable;
    }

    @Override
    public String id() {
        return Coded.idOf(this);
    }
}
