package org.rebound.model;

import java.util.List;

/**
 * A recovery team: the skills it brings and how many people can work on separate activities at once.
 */
public record Team(String id, String name, List<String> skills, int members) {

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
