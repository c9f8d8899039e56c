package org.rebound.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The systems a business process needs. The process runs when every system in {@link #all()} is
 * available, at least one system of each list in {@link #any()} is, and at least {@code k} of each
 * {@link KOf}.
 */
public record Requirements(List<String> all, List<List<String>> any, List<KOf> kOf) {

    public Requirements {
        all = List.copyOf(all);
        any = any.stream().map(List::copyOf).toList();
        kOf = List.copyOf(kOf);
    }

    public static Requirements allOf(List<String> systems) {
        return new Requirements(systems, List.of(), List.of());
    }

    /** Every system named anywhere in these requirements, in order of first mention. */
    public Set<String> systems() {
        Set<String> systems = new LinkedHashSet<>(all);
        any.forEach(systems::addAll);
        kOf.forEach(group -> systems.addAll(group.of()));
        return systems;
    }

    /** At least {@code k} of the systems in {@code of} must be available. */
    public record KOf(int k, List<String> of) {
        public KOf {
            of = List.copyOf(of);
        }
    }
}
