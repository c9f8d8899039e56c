package org.rebound.security.web;

import java.util.List;
import org.rebound.security.Accounts;
import org.rebound.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The accounts of the incident team, for administrators: the same operations as {@code /api/users}.
 * A one-time password is shown in the response to the request that made it, never kept or redirected.
 */
@Controller
class UsersPages {

    private final Accounts accounts;

    UsersPages(Accounts accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute
    void shared(Model model) {
        model.addAttribute("roles", Role.values());
    }

    @GetMapping("/users")
    String users(Model model) {
        model.addAttribute("accounts", accounts.all());
        return "users";
    }

    @PostMapping("/users")
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") List<String> roles,
                  Authentication admin, Model model) {
        try {
            Accounts.WithPassword created = accounts.create(username.strip(), Accounts.roles(roles), admin.getName());
            model.addAttribute("issued", created);
            model.addAttribute("message", "Account " + created.account().username() + " created.");
        } catch (IllegalArgumentException refused) {
            model.addAttribute("error", sentence(refused));
            model.addAttribute("draftUsername", username);
        }
        return users(model);
    }

    @PostMapping("/users/{username}")
    String update(@PathVariable String username, @RequestParam(defaultValue = "") List<String> roles,
                  @RequestParam(defaultValue = "false") boolean enabled, Authentication admin, Model model) {
        try {
            accounts.update(username, Accounts.roles(roles), enabled, admin.getName()).ifPresentOrElse(
                    account -> model.addAttribute("message", "Account " + username + " saved."),
                    () -> model.addAttribute("error", "There is no account " + username + "."));
        } catch (IllegalArgumentException refused) {
            model.addAttribute("error", sentence(refused));
        }
        return users(model);
    }

    @PostMapping("/users/{username}/reset-password")
    String resetPassword(@PathVariable String username, Authentication admin, Model model) {
        accounts.resetPassword(username, admin.getName()).ifPresentOrElse(
                issued -> {
                    model.addAttribute("issued", issued);
                    model.addAttribute("message", "New one-time password for " + username + ".");
                },
                () -> model.addAttribute("error", "There is no account " + username + "."));
        return users(model);
    }

    @PostMapping("/users/{username}/reset-second-factor")
    String resetSecondFactor(@PathVariable String username, Authentication admin, Model model) {
        if (accounts.resetSecondFactor(username, admin.getName())) {
            model.addAttribute("message", "Second factor of " + username + " removed: they enrol again at their next login.");
        } else {
            model.addAttribute("error", "There is no account " + username + ".");
        }
        return users(model);
    }

    /** "roles: give at least one role" becomes "Give at least one role." */
    static String sentence(IllegalArgumentException refused) {
        String message = refused.getMessage();
        String reason = message.substring(message.indexOf(':') + 1).strip();
        return Character.toUpperCase(reason.charAt(0)) + reason.substring(1) + ".";
    }
}
