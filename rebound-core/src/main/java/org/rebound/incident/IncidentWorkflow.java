package org.rebound.incident;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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

    private static final Pattern STATUS = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    /** Why a list of statuses cannot be a workflow; empty when it can. */
    public static List<String> problems(List<String> statuses) {
        List<String> problems = new ArrayList<>();
        if (statuses.size() < 2) {
            problems.add("at least two statuses: the first for new incidents, the last for closed ones");
        }
        Set<String> seen = new HashSet<>();
        for (String status : statuses) {
            if (!STATUS.matcher(status).matches()) {
                problems.add("'" + status + "' is not a status: lower-case letters, digits and hyphens, up to 40");
            } else if (!seen.add(status)) {
                problems.add("'" + status + "' appears twice");
            }
        }
        return problems;
    }

    public String initial() {
        return statuses.get(0);
    }

    public String closed() {
        return statuses.get(statuses.size() - 1);
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
