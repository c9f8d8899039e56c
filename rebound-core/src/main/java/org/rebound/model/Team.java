package org.rebound.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A recovery team: the skills it brings, how many people can work on separate activities at once,
 * and its working hours ({@code shift}), or null when it works around the clock.
 */
public record Team(String id, String name, List<String> skills, int members, @Nullable Shift shift) {

    /** A team that works around the clock. */
    public Team(String id, String name, List<String> skills, int members) {
        this(id, name, skills, members, null);
    }

    public Team {
        skills = List.copyOf(skills);
        if (members < 1) {
            throw new IllegalArgumentException("team " + id + " needs at least one member, got " + members);
        }
    }

    public boolean has(String skill) {
        return skills.contains(skill);
    }
}
