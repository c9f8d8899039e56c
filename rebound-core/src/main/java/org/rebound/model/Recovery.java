package org.rebound.model;

/**
 * The work a compromised system needs before it can be reconnected: forensic triage and clearance,
 * restore or rebuild, then validation and hardening, each done by {@code crew} members of a team.
 */
public record Recovery(Estimate triage, Estimate restore, Estimate validate, int crew) {

    /** Work done by one team member at a time. */
    public Recovery(Estimate triage, Estimate restore, Estimate validate) {
        this(triage, restore, validate, 1);
    }

    public Recovery {
        if (crew < 1) {
            throw new IllegalArgumentException("recovery work needs a crew of at least 1, got " + crew);
        }
    }
}
