package org.rebound.breach.web;

import static org.rebound.incident.web.IncidentResponses.caller;
import static org.rebound.incident.web.IncidentResponses.required;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rebound.breach.application.BreachRegisters;
import org.rebound.breach.persistence.BreachStore.Register;
import org.rebound.incident.application.Caller;
import org.rebound.incident.application.IncidentOutcome;
import org.rebound.incident.application.Incidents;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The breach scope page of an incident: counts for members; people, search and import for DPO/legal and commanders. */
@Controller
class BreachPages {

    private static final int PAGE = 100;

    private final Incidents incidents;
    private final BreachRegisters registers;

    BreachPages(Incidents incidents, BreachRegisters registers) {
        this.incidents = incidents;
        this.registers = registers;
    }

    @GetMapping("/incidents/{id}/breach")
    String breach(@PathVariable long id, @RequestParam(required = false) @Nullable Long register,
                  @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int offset,
                  Model model, Authentication user) {
        Caller caller = caller(user);
        Incidents.Detail detail = required(incidents.detail(id, caller), user);
        List<Register> all = required(registers.registers(id, caller), user);
        boolean mayHandlePeople = BreachRegisters.mayHandlePeople(caller);
        model.addAttribute("incident", detail.incident());
        model.addAttribute("registers", all);
        model.addAttribute("mayHandlePeople", mayHandlePeople);
        model.addAttribute("mayImport", mayHandlePeople && detail.access().canWrite());
        model.addAttribute("query", q);
        if (mayHandlePeople && !all.isEmpty()) {
            long shown = register != null ? register : all.get(0).id();
            model.addAttribute("people", required(registers.people(id, shown, q, offset, PAGE, caller), user));
        }
        return "breach";
    }

    @PostMapping("/incidents/{id}/breach")
    String upload(@PathVariable long id, @RequestParam("register") MultipartFile register,
                  @RequestParam(required = false) @Nullable MultipartFile summary, @RequestParam(defaultValue = "") String note,
                  Authentication user, RedirectAttributes redirect) {
        IncidentOutcome<Register> outcome = BreachApi.importUpload(registers, id, register, summary, note, caller(user));
        if (outcome instanceof IncidentOutcome.Rejected<Register> rejected) {
            redirect.addFlashAttribute("errors", rejected.problems().stream()
                    .map(problem -> problem.field() + ": " + problem.message()).toList());
        } else {
            Register stored = required(outcome, user);
            redirect.addFlashAttribute("message", "Imported: " + stored.people() + " affected people.");
        }
        return "redirect:/incidents/" + id + "/breach";
    }
}
