package org.rebound.incident;

import java.util.Objects;

/**
 * One observable in canonical form: its type and its value as stored and compared. Two observables are
 * the same indicator exactly when they are equal.
 */
public record Observable(ObservableType type, String value) {

    public Observable {
        Objects.requireNonNull(type, "type");
        if (!type.acceptsDeclared(value) || !value.equals(type.canonical(value))) {
            throw new IllegalArgumentException("not a canonical " + type.id() + ": " + value);
        }
    }

    /** The value shared safely: links and addresses defanged so that nobody opens them by accident. */
    public String defanged() {
        return switch (type) {
            case URL -> value.replaceFirst("^http", "hxxp").replace(".", "[.]");
            case DOMAIN, EMAIL, IPV4 -> value.replace(".", "[.]").replace("@", "[@]");
            default -> value;
        };
    }
}
