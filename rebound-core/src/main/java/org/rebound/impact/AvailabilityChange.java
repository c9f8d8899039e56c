package org.rebound.impact;

import java.util.List;

/**
 * What one system state change did: the systems whose availability flipped (the changed system
 * first, then downstream in the order reached) and the processes that went down or came back up.
 */
public record AvailabilityChange(List<String> systems, List<String> processes) {

    public static final AvailabilityChange NONE = new AvailabilityChange(List.of(), List.of());

    public AvailabilityChange {
        systems = List.copyOf(systems);
        processes = List.copyOf(processes);
    }

    public boolean isEmpty() {
        return systems.isEmpty();
    }
}
