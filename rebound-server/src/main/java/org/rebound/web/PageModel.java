package org.rebound.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page what the layout needs ({@link Pages#common}), with the navigation section taken
 * from the path, so that no page can be added without it.
 */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

    private final Formats formats;

    PageModel(Clock clock) {
        this.formats = Formats.of(clock);
    }

    @ModelAttribute
    void common(Model model, @Nullable Authentication user, HttpServletRequest request) {
        if (user == null) {
            model.addAttribute("fmt", formats);
            return;
        }
        Pages.common(model, user, section(request.getRequestURI()), formats);
    }

    /** The navigation entry a path belongs to: {@code /incidents/3/obligations} is under {@code incidents}. */
    static String section(String path) {
        String first = path.replaceFirst("^/", "").replaceFirst("/.*", "");
        return switch (first) {
            case "", "dashboard" -> "dashboard";
            case "systems", "systems-table", "processes" -> "systems";
            case "playbooks", "obligations" -> "incidents";
            default -> first;
        };
    }
}
