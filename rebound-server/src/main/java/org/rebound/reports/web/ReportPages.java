package org.rebound.reports.web;

import static org.rebound.incident.web.IncidentResponses.caller;
import static org.rebound.incident.web.IncidentResponses.required;

import org.rebound.incident.application.IncidentOutcome;
import org.rebound.incident.application.Incidents;
import org.rebound.reports.IncidentReports;
import org.rebound.reports.ReportContent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The reports page of an incident: links to the reports and the lessons learned form. */
@Controller
class ReportPages {

    private final Incidents incidents;
    private final IncidentReports reports;

    ReportPages(Incidents incidents, IncidentReports reports) {
        this.incidents = incidents;
        this.reports = reports;
    }

    @GetMapping("/incidents/{id}/reports")
    String page(@PathVariable long id, Model model, Authentication user) {
        ReportContent content = required(reports.content(id, caller(user)), user);
        model.addAttribute("incident", content.incident());
        model.addAttribute("lessons", content.lessons());
        model.addAttribute("mayWrite", incidents.access(id, caller(user)).canWrite());
        return "reports";
    }

    @PostMapping("/incidents/{id}/reports/lessons")
    String saveLessons(@PathVariable long id, @RequestParam(defaultValue = "") String lessons, Authentication user,
                       RedirectAttributes redirect) {
        IncidentOutcome<ReportContent.Lessons> outcome = reports.saveLessons(id, lessons, caller(user));
        if (outcome instanceof IncidentOutcome.Rejected<ReportContent.Lessons> rejected) {
            redirect.addFlashAttribute("errors", rejected.problems().stream()
                    .map(problem -> problem.field() + ": " + problem.message()).toList());
        } else {
            required(outcome, user);
            redirect.addFlashAttribute("message", "Lessons learned saved.");
        }
        return "redirect:/incidents/" + id + "/reports";
    }
}
