package org.rebound.model;

import java.time.Instant;
import java.util.List;

/**
 * An incident on the model: at {@code start}, the {@code compromised} systems are out of action
 * until recovered, and the data of the {@code exfiltrated} systems has been stolen.
 */
public record Scenario(String id, Instant start, List<String> compromised, List<String> exfiltrated) {

    public Scenario {
        compromised = List.copyOf(compromised);
        exfiltrated = List.copyOf(exfiltrated);
    }
}
