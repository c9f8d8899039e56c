package org.rebound.web;

import org.rebound.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;

/** What every page's model holds: the formats, the current page, the user and whether they may change things. */
public final class Pages {

    private Pages() {
    }

    public static void common(Model model, Authentication user, String page, Formats formats) {
        model.addAttribute("fmt", formats);
        model.addAttribute("page", page);
        model.addAttribute("user", user.getName());
        model.addAttribute("isOperator", isOperator(user));
        model.addAttribute("isAdmin", user.getAuthorities().stream().anyMatch(granted -> granted.getAuthority().equals(Role.ADMIN.authority())));
    }

    /** Admins, incident commanders and responders change states and plans; the other roles read. */
    public static boolean isOperator(Authentication user) {
        return user.getAuthorities().stream().anyMatch(granted ->
                granted.getAuthority().equals(Role.ADMIN.authority())
                        || granted.getAuthority().equals(Role.INCIDENT_COMMANDER.authority())
                        || granted.getAuthority().equals(Role.RESPONDER.authority()));
    }

}
