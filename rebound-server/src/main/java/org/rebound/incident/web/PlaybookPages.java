package org.rebound.incident.web;

import static org.rebound.incident.web.IncidentResponses.caller;

import org.rebound.incident.application.Caller;
import org.rebound.incident.application.IncidentOutcome;
import org.rebound.incident.application.IncidentTasks;
import org.rebound.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The playbooks, and an editor for administrators and incident commanders: one task per line. */
@Controller
class PlaybookPages {

    private final IncidentTasks tasks;

    PlaybookPages(IncidentTasks tasks) {
        this.tasks = tasks;
    }

    @ModelAttribute
    void shared(Model model, Authentication user) {
        Caller caller = caller(user);
        model.addAttribute("canEdit", caller.has(Role.ADMIN) || caller.has(Role.INCIDENT_COMMANDER));
    }

    @GetMapping("/playbooks")
    String playbooks(@RequestParam(required = false) Long edit, Model model) {
        model.addAttribute("playbooks", tasks.playbooks());
        if (edit != null && !model.containsAttribute("draft")) {
            model.addAttribute("draft", tasks.playbook(edit)
                    .map(view -> new IncidentTasks.PlaybookText(view.name(), view.description(), view.text()))
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such playbook")));
        }
        model.addAttribute("editing", edit);
        return "playbooks";
    }

    @PostMapping("/playbooks")
    String save(@RequestParam(required = false) Long id, @RequestParam String name, @RequestParam(defaultValue = "") String description,
                @RequestParam String steps, Authentication user, RedirectAttributes redirect) {
        IncidentTasks.PlaybookText text = new IncidentTasks.PlaybookText(name, description, steps);
        IncidentOutcome<IncidentTasks.PlaybookView> outcome = tasks.save(id, text, caller(user));
        if (outcome instanceof IncidentOutcome.Done<IncidentTasks.PlaybookView> done) {
            redirect.addFlashAttribute("message", "Playbook '" + done.value().name() + "' saved with "
                    + done.value().steps().size() + " tasks.");
            return "redirect:/playbooks";
        }
        if (outcome instanceof IncidentOutcome.Rejected<IncidentTasks.PlaybookView> rejected) {
            redirect.addFlashAttribute("errors", rejected.problems().stream().map(problem -> problem.field() + ": " + problem.message()).toList());
            redirect.addFlashAttribute("draft", text);
            return "redirect:/playbooks" + (id == null ? "?edit=" : "?edit=" + id);
        }
        throw new ResponseStatusException(outcome instanceof IncidentOutcome.Forbidden<?> ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND);
    }
}
