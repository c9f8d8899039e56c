package org.rebound.obligations.web;

import static org.rebound.incident.web.IncidentResponses.caller;
import static org.rebound.incident.web.IncidentResponses.required;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.rebound.breach.application.BreachRegisters;
import org.rebound.incident.application.IncidentOutcome;
import org.rebound.obligations.DataCategories;
import org.rebound.obligations.ObligationsEngine;
import org.rebound.obligations.application.DeadlineAlerts;
import org.rebound.obligations.application.IncidentObligations;
import org.rebound.obligations.application.NoticeDrafts;
import org.rebound.obligations.application.NoticeTemplate;
import org.rebound.security.Role;
import org.rebound.web.Formats;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An incident's notification duties page, the organisation profile form and the dashboard's deadline panel. */
@Controller
class ObligationsPages {

    private final IncidentObligations obligations;
    private final DeadlineAlerts alerts;
    private final NoticeDrafts drafts;
    private final BreachRegisters registers;
    private final Formats formats;

    ObligationsPages(IncidentObligations obligations, DeadlineAlerts alerts, NoticeDrafts drafts, BreachRegisters registers, Clock clock) {
        this.obligations = obligations;
        this.alerts = alerts;
        this.drafts = drafts;
        this.registers = registers;
        this.formats = Formats.of(clock);
    }

    @GetMapping("/incidents/{id}/obligations")
    String page(@PathVariable long id, Model model, Authentication user) {
        IncidentObligations.Report report = required(obligations.report(id, caller(user)), user);
        model.addAttribute("report", report);
        model.addAttribute("groups", DataCategories.GROUPS);
        model.addAttribute("ruleIds", ObligationsEngine.standard().ruleIds());
        model.addAttribute("mayEditProfile", caller(user).has(Role.ADMIN) || caller(user).has(Role.INCIDENT_COMMANDER));
        model.addAttribute("affectedText", affectedText(report));
        model.addAttribute("drafts", required(drafts.drafts(id, caller(user)), user));
        model.addAttribute("runs", required(drafts.runs(id, caller(user)), user));
        model.addAttribute("templates", NoticeTemplate.values());
        boolean mayMerge = report.mayRecord() && BreachRegisters.mayHandlePeople(caller(user));
        model.addAttribute("mayMerge", mayMerge);
        model.addAttribute("registers", mayMerge ? required(registers.registers(id, caller(user)), user) : List.of());
        return "obligations";
    }

    @PostMapping("/incidents/{id}/obligations/facts")
    String recordFacts(@PathVariable long id, @RequestParam(name = "aware_at", defaultValue = "") String awareAt,
                       @RequestParam(name = "categories", required = false) @Nullable List<String> categories,
                       @RequestParam(name = "affected", defaultValue = "") String affected,
                       @RequestParam(name = "high_risk", defaultValue = "") String highRisk,
                       @RequestParam(name = "flags", required = false) @Nullable List<String> flags,
                       Authentication user, RedirectAttributes redirect) {
        List<String> set = flags == null ? List.of() : flags;
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String line : affected.split("[,;\\n]")) {
            String[] parts = line.split("[=:]");
            if (parts.length == 2 && !parts[0].isBlank()) {
                try {
                    counts.put(parts[0].strip(), Long.parseLong(parts[1].strip().replace(",", "").replace("_", "")));
                } catch (NumberFormatException notANumber) {
                    counts.put(parts[0].strip(), -1L);
                }
            } else if (!line.isBlank()) {
                return rejected(id, redirect, "affected: write PLACE=PEOPLE, such as GB=120000, got '" + line.strip() + "'");
            }
        }
        IncidentObligations.FactsInput input = new IncidentObligations.FactsInput(instant("aware_at", awareAt),
                set.contains("personal_data"), categories == null ? List.of() : categories, counts,
                switch (highRisk) {
                    case "yes" -> Boolean.TRUE;
                    case "no" -> Boolean.FALSE;
                    default -> null;
                }, set.contains("encrypted"), set.contains("unlikely_risk"), set.contains("risk_mitigated"),
                set.contains("disproportionate_effort"), set.contains("significant_incident"));
        return after(id, obligations.recordFacts(id, input, caller(user)), user, redirect, "Facts recorded; duties recomputed.");
    }

    @PostMapping("/incidents/{id}/obligations/materiality")
    String recordMateriality(@PathVariable long id, @RequestParam(defaultValue = "false") boolean material,
                             @RequestParam(name = "determined_at", defaultValue = "") String determinedAt,
                             @RequestParam(defaultValue = "") String note, Authentication user, RedirectAttributes redirect) {
        return after(id, obligations.recordMateriality(id, material, instant("determined_at", determinedAt), note, caller(user)), user, redirect,
                "Materiality decision recorded.");
    }

    @PostMapping("/incidents/{id}/obligations/notices")
    String recordNotice(@PathVariable long id, @RequestParam(defaultValue = "") String rule,
                        @RequestParam(defaultValue = "") String recipient, @RequestParam(defaultValue = "") String channel,
                        @RequestParam(defaultValue = "") String reference,
                        @RequestParam(name = "approved_by", defaultValue = "") String approvedBy,
                        @RequestParam(name = "sent_at", defaultValue = "") String sentAt, Authentication user,
                        RedirectAttributes redirect) {
        IncidentObligations.NoticeInput input = new IncidentObligations.NoticeInput(rule, recipient, channel, reference, approvedBy,
                instant("sent_at", sentAt));
        return after(id, obligations.recordNotice(id, input, caller(user)), user, redirect, "Notice recorded.");
    }

    @PostMapping("/incidents/{id}/obligations/notices/{notice}/acknowledgement")
    String acknowledge(@PathVariable long id, @PathVariable long notice,
                       @RequestParam(name = "acknowledged_at", defaultValue = "") String acknowledgedAt,
                       @RequestParam(defaultValue = "") String text, Authentication user, RedirectAttributes redirect) {
        return after(id, obligations.acknowledge(id, notice, instant("acknowledged_at", acknowledgedAt), text, caller(user)), user, redirect,
                "Acknowledgement recorded.");
    }

    @PostMapping("/incidents/{id}/drafts")
    String createDraft(@PathVariable long id, @RequestParam(defaultValue = "") String rule,
                       @RequestParam(defaultValue = "") String template, @RequestParam(defaultValue = "") String contact,
                       Authentication user, RedirectAttributes redirect) {
        return after(id, drafts.create(id, rule, template, contact, caller(user)), user, redirect,
                "Draft written: replace the bracketed instructions, then approve it.");
    }

    @PostMapping("/incidents/{id}/drafts/{draft}")
    String editDraft(@PathVariable long id, @PathVariable long draft, @RequestParam(defaultValue = "") String title,
                     @RequestParam(defaultValue = "") String body, Authentication user, RedirectAttributes redirect) {
        return after(id, drafts.edit(id, draft, title, body, caller(user)), user, redirect, "Draft saved.");
    }

    @PostMapping("/incidents/{id}/drafts/{draft}/approval")
    String approveDraft(@PathVariable long id, @PathVariable long draft, Authentication user, RedirectAttributes redirect) {
        return after(id, drafts.approve(id, draft, caller(user)), user, redirect, "Draft approved.");
    }

    @PostMapping("/incidents/{id}/drafts/{draft}/mail-merge")
    String mailMerge(@PathVariable long id, @PathVariable long draft, @RequestParam long register, Authentication user,
                     RedirectAttributes redirect) {
        return after(id, drafts.mailLetters(id, draft, register, caller(user)), user, redirect,
                "Mail merge started: its progress shows below.");
    }

    @PostMapping("/organisation")
    String setProfile(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String country,
                      @RequestParam(defaultValue = "none") String nis2,
                      @RequestParam(name = "sec_registrant", defaultValue = "false") boolean secRegistrant,
                      @RequestParam(name = "nis2_member_state", defaultValue = "") String memberState,
                      @RequestParam(defaultValue = "") String timezone, @RequestParam(defaultValue = "0") long incident,
                      Authentication user, RedirectAttributes redirect) {
        IncidentOutcome<?> outcome = obligations.setProfile(new IncidentObligations.ProfileInput(name, country, nis2, secRegistrant,
                memberState, timezone), caller(user));
        return after(incident, outcome, user, redirect, "Organisation profile saved.");
    }

    /** The dashboard panel: the caller's open duties and the latest alerts. */
    @GetMapping("/obligations/deadlines")
    String deadlines(Model model, Authentication user) {
        model.addAttribute("duties", obligations.openDuties(caller(user)).stream().limit(8).toList());
        model.addAttribute("alerts", alerts.recent(caller(user), 5));
        return "obligations :: deadlines";
    }

    private String after(long incident, IncidentOutcome<?> outcome, Authentication user, RedirectAttributes redirect, String done) {
        if (outcome instanceof IncidentOutcome.Rejected<?> rejected) {
            redirect.addFlashAttribute("errors", rejected.problems().stream()
                    .map(problem -> problem.field() + ": " + problem.message()).toList());
        } else {
            required(outcome, user);
            redirect.addFlashAttribute("message", done);
        }
        return incident > 0 ? "redirect:/incidents/" + incident + "/obligations" : "redirect:/incidents";
    }

    private static String rejected(long incident, RedirectAttributes redirect, String problem) {
        redirect.addFlashAttribute("errors", List.of(problem));
        return "redirect:/incidents/" + incident + "/obligations";
    }

    /** A time from a form: {@code datetime-local} (read as UTC) or ISO-8601; blank is null. */
    private @Nullable Instant instant(String field, String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return formats.parseInput(value);
        } catch (DateTimeParseException notLocal) {
            try {
                return Instant.parse(value.strip());
            } catch (DateTimeParseException malformed) {
                throw new MalformedTime(field + ": malformed time '" + value.strip() + "': use YYYY-MM-DDTHH:MM in UTC");
            }
        }
    }

    /** A form time that is neither a local date-time nor an instant; the page shows it as the error. */
    private static final class MalformedTime extends RuntimeException {
        MalformedTime(String message) {
            super(message, null, false, false);
        }
    }

    @ExceptionHandler(MalformedTime.class)
    String malformed(MalformedTime problem, RedirectAttributes redirect,
                     HttpServletRequest request) {
        redirect.addFlashAttribute("errors", List.of(problem.getMessage()));
        String path = request.getRequestURI();
        int cut = path.indexOf("/obligations");
        return "redirect:" + (cut > 0 ? path.substring(0, cut + "/obligations".length()) : "/incidents");
    }

    private static String affectedText(IncidentObligations.Report report) {
        if (report.facts() == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        report.facts().affected().forEach((place, people) -> text.append(place).append('=').append(people).append('\n'));
        return text.toString().strip();
    }
}
