package org.rebound.model;

/**
 * The work a compromised system needs before it can be reconnected: forensic triage and clearance,
 * restore or rebuild, then validation and hardening.
 */
public record Recovery(Estimate triage, Estimate restore, Estimate validate) {
}
