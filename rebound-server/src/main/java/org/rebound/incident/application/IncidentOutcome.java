package org.rebound.incident.application;

import java.util.List;
import java.util.function.Function;

/** What an incident use case did: done with a value, or why not. */
public sealed interface IncidentOutcome<T> {

    /** The same outcome with a done value turned into another (a view of it); refusals pass unchanged. */
    default <U> IncidentOutcome<U> map(Function<T, U> change) {
        if (this instanceof Done<T> done) {
            return new Done<>(change.apply(done.value()));
        }
        if (this instanceof Rejected<T> rejected) {
            return new Rejected<>(rejected.problems());
        }
        if (this instanceof Forbidden<T> forbidden) {
            return new Forbidden<>(forbidden.reason());
        }
        return new NotFound<>(((NotFound<T>) this).incident());
    }

    /** One field or line that was not acceptable. */
    record Problem(String field, String message) {
    }

    record Done<T>(T value) implements IncidentOutcome<T> {
    }

    /** The request was refused as a whole; nothing changed. */
    record Rejected<T>(List<Problem> problems) implements IncidentOutcome<T> {

        public Rejected {
            problems = List.copyOf(problems);
        }

        public static <T> Rejected<T> of(String field, String message) {
            return new Rejected<>(List.of(new Problem(field, message)));
        }
    }

    /** No such incident, or the caller may not know it exists. */
    record NotFound<T>(long incident) implements IncidentOutcome<T> {
    }

    /** The caller knows the incident but may not do this. */
    record Forbidden<T>(String reason) implements IncidentOutcome<T> {
    }
}
