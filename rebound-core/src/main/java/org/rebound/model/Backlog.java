package org.rebound.model;

/**
 * Work that piles up while a process is down (supplier invoices, parts orders, vehicle orders) and
 * is worked off at {@code clearPerHour} once it is up again.
 */
public record Backlog(String id, String process, String unit, double inflowPerHour, double clearPerHour) {

    public Backlog {
        if (inflowPerHour < 0 || clearPerHour < 0) {
            throw new IllegalArgumentException("backlog " + id + " has a negative rate");
        }
    }
}
