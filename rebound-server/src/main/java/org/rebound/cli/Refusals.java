package org.rebound.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.rebound.incident.application.IncidentOutcome;

/** How the commands that act on an incident as a member report an outcome that is not done. */
final class Refusals {

    private Refusals() {
    }

    /**
     * Prints why, in the commands' common words: each problem of a rejected {@code file}, the reason of
     * a refusal, or that the incident is unknown to the account. Returns the exit code.
     *
     * @param action   what the account tried, as in "rita may not {@code add observables to} incident 7"
     * @param nothing  what did not happen, as in "nothing was {@code added}"
     */
    static int report(IncidentOutcome<?> outcome, Path file, String username, long incident, String action, String nothing,
                      PrintWriter err) {
        if (outcome instanceof IncidentOutcome.Rejected<?> rejected) {
            rejected.problems().forEach(problem -> err.println(file + ": " + problem.field() + ": " + problem.message()));
            err.println("nothing was " + nothing);
        } else if (outcome instanceof IncidentOutcome.Forbidden<?> forbidden) {
            err.println(username + " may not " + action + " incident " + incident + ": " + forbidden.reason());
        } else {
            err.println("no incident " + incident + " that " + username + " is a member of");
        }
        return ExitCodes.INVALID_INPUT;
    }
}
