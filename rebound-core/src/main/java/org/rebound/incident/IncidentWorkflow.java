package org.rebound.incident;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The statuses an incident moves through, in order. The default follows the NIST SP 800-61 phases;
 * the last status closes the incident.
 */
public record IncidentWorkflow(List<String> statuses) {

    public static final IncidentWorkflow DEFAULT = new IncidentWorkflow(
            List.of("new", "triage", "containment", "eradication", "recovery", "post-incident", "closed"));

    public IncidentWorkflow {
        statuses = List.copyOf(statuses);
        if (statuses.size() < 2) {
            throw new IllegalArgumentException("a workflow needs at least an open and a closed status");
        }
    }

    public String initial() {
        return statuses.get(0);
    }

    public boolean isClosed(String status) {
        return statuses.get(statuses.size() - 1).equals(status);
    }

    /** The status as the workflow spells it, ignoring case; empty when the workflow has no such status. */
    public Optional<String> spelling(String status) {
        String wanted = status.strip().toLowerCase(Locale.ROOT);
        return statuses.stream().filter(known -> known.equals(wanted)).findFirst();
    }
}
