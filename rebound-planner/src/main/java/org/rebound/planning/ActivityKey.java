package org.rebound.planning;

/** One activity: a step of recovering one system. */
public record ActivityKey(String system, ActivityKind kind) {

    @Override
    public String toString() {
        return kind.id() + " " + system;
    }
}
