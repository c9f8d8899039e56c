package org.rebound.incident.application;

import java.util.Set;
import org.rebound.security.Role;

/** Who is asking: the signed-in user and their roles. */
public record Caller(String username, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
