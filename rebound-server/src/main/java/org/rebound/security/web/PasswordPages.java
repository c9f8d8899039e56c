package org.rebound.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rebound.security.Accounts;
import org.rebound.security.MfaStages;
import org.rebound.security.Passwords;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Choosing one's own password: required after an administrator issued one, open to everyone otherwise. */
@Controller
class PasswordPages {

    private final Accounts accounts;
    private final MfaStages stages;

    PasswordPages(Accounts accounts, MfaStages stages) {
        this.accounts = accounts;
        this.stages = stages;
    }

    @GetMapping("/account/password")
    String page(Authentication user, Model model) {
        model.addAttribute("required", MfaStages.isChangingPassword(user));
        model.addAttribute("minLength", Passwords.MIN_LENGTH);
        return "password";
    }

    @PostMapping("/account/password")
    String change(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String chosen,
                  @RequestParam(defaultValue = "") String repeated, Authentication user, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        boolean required = MfaStages.isChangingPassword(user);
        String error = null;
        if (!chosen.equals(repeated)) {
            error = "The two new passwords differ: type the same one twice.";
        } else {
            try {
                accounts.changeOwnPassword(user.getName(), current, chosen);
            } catch (IllegalArgumentException refused) {
                error = UsersPages.sentence(refused);
            }
        }
        if (error != null) {
            model.addAttribute("error", error);
            model.addAttribute("required", required);
            model.addAttribute("minLength", Passwords.MIN_LENGTH);
            return "password";
        }
        if (required) {
            return "redirect:" + stages.afterPasswordChange(request, response, user.getName());
        }
        return "redirect:/?password-changed";
    }
}
