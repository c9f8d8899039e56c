package org.rebound.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An IT or OT system. It is available when it is not itself out of action and every system in
 * {@link #dependsOn()} is available.
 *
 * @param skill    the team skill that restores it, or null when the model does not say
 * @param recovery the work needed after a compromise, or null when the model does not say
 * @param data     the data categories it holds, used to scope a breach when it is exfiltrated
 */
public record EnterpriseSystem(
        String id,
        String name,
        String site,
        SystemKind kind,
        @Nullable String skill,
        @Nullable Recovery recovery,
        List<String> dependsOn,
        List<String> data) {

    public EnterpriseSystem {
        dependsOn = List.copyOf(dependsOn);
        data = List.copyOf(data);
    }
}
