package org.rebound.incident.web;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rebound.incident.ObservableType;
import org.rebound.incident.Pap;
import org.rebound.incident.Severity;
import org.rebound.incident.TaskStatus;
import org.rebound.incident.TimelineKind;
import org.rebound.incident.Tlp;
import org.rebound.incident.application.Caller;
import org.rebound.incident.application.IncidentEvidence;
import org.rebound.incident.application.IncidentOutcome;
import org.rebound.incident.application.IncidentTasks;
import org.rebound.incident.application.Incidents;
import org.rebound.incident.persistence.TaskStore;
import org.rebound.security.Role;
import org.rebound.web.Formats;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.rebound.incident.web.IncidentResponses.caller;

/**
 * The incident list and each incident's page: summary, members, timeline, observables and ATT&CK
 * coverage, with forms for what the caller may change. Forms post and redirect back (so they work
 * without script); a refused form comes back with every problem listed.
 */
@Controller
class IncidentPages {

    static final String PROFILED_GROUP = "G1015";

    private final Incidents incidents;
    private final IncidentTasks tasks;
    private final IncidentEvidence evidence;
    private final Formats formats;
    private final Clock clock;

    IncidentPages(Incidents incidents, IncidentTasks tasks, IncidentEvidence evidence, Clock clock) {
        this.incidents = incidents;
        this.tasks = tasks;
        this.evidence = evidence;
        this.formats = Formats.of(clock);
        this.clock = clock;
    }

    @GetMapping("/incidents")
    String list(Model model, Authentication user) {
        Caller caller = caller(user);
        model.addAttribute("incidents", incidents.list(caller));
        model.addAttribute("canOpen", caller.has(Role.ADMIN) || caller.has(Role.INCIDENT_COMMANDER));
        model.addAttribute("severities", Severity.values());
        model.addAttribute("tlps", Tlp.values());
        model.addAttribute("paps", Pap.values());
        model.addAttribute("workflow", String.join("\n", incidents.workflow().statuses()));
        return "incidents";
    }

    @PostMapping("/incidents/workflow")
    String changeWorkflow(@RequestParam String statuses, Authentication user, RedirectAttributes redirect) {
        IncidentOutcome<?> outcome = incidents.changeWorkflow(List.of(statuses.split("\\R")), caller(user));
        if (outcome instanceof IncidentOutcome.Done<?>) {
            redirect.addFlashAttribute("message", "Workflow saved.");
        } else {
            flash(outcome, redirect, user);
        }
        return "redirect:/incidents";
    }

    @PostMapping("/incidents")
    String open(@RequestParam String title, @RequestParam(defaultValue = "") String summary, @RequestParam String severity,
                @RequestParam String tlp, @RequestParam String pap, @RequestParam(defaultValue = "") String scenario,
                Authentication user, RedirectAttributes redirect) {
        IncidentOutcome<?> outcome = incidents.open(new Incidents.Draft(title, summary, severity, tlp, pap, null, scenario, null, null),
                caller(user));
        if (outcome instanceof IncidentOutcome.Done<?> done) {
            return "redirect:/incidents/" + ((org.rebound.incident.persistence.IncidentStore.StoredIncident) done.value()).id();
        }
        flash(outcome, redirect, user);
        return "redirect:/incidents";
    }

    @GetMapping("/incidents/{id}")
    String incident(@PathVariable long id, Model model, Authentication user) {
        Caller caller = caller(user);
        Incidents.Detail detail = required(incidents.detail(id, caller), user);
        model.addAttribute("incident", detail.incident());
        model.addAttribute("access", detail.access());
        model.addAttribute("members", detail.members());
        model.addAttribute("workflow", detail.workflow());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("kinds", List.of(TimelineKind.DETECTION, TimelineKind.ACTION, TimelineKind.DECISION,
                TimelineKind.COMMUNICATION, TimelineKind.EVIDENCE, TimelineKind.NOTE));
        model.addAttribute("tlps", Tlp.values());
        model.addAttribute("types", ObservableType.values());
        if (detail.access().canSeeShared()) {
            model.addAttribute("observables", required(incidents.observables(id, caller), user));
        }
        if (detail.access().canRead()) {
            model.addAttribute("children", required(incidents.children(id, caller), user));
            model.addAttribute("tasks", required(tasks.tasks(id, caller), user));
            model.addAttribute("evidence", required(evidence.list(id, caller), user));
            model.addAttribute("taskStatuses", TaskStatus.values());
            model.addAttribute("activities", org.rebound.planning.ActivityKind.values());
            model.addAttribute("counterparts", org.rebound.incident.Counterpart.values());
            model.addAttribute("channels", org.rebound.incident.Channel.values());
            model.addAttribute("playbooks", tasks.playbooks());
            model.addAttribute("now", clock.instant());
            model.addAttribute("timeline", required(incidents.timeline(id, caller), user));
            model.addAttribute("techniques", detail.techniques().stream()
                    .map(noted -> incidents.attack().technique(noted.technique()).orElseThrow()).toList());
            model.addAttribute("software", detail.software());
            model.addAttribute("group", incidents.attack().group(PROFILED_GROUP).orElseThrow());
            model.addAttribute("coverage", required(incidents.coverage(id, PROFILED_GROUP, caller), user));
        }
        return "incident";
    }

    @PostMapping("/incidents/{id}")
    String change(@PathVariable long id, @RequestParam(required = false) @Nullable String status,
                  @RequestParam(required = false) @Nullable String severity, Authentication user, RedirectAttributes redirect) {
        IncidentOutcome<?> outcome = incidents.change(id, new Incidents.Changes(null, null, severity, status, null, null, null,
                null, null, null, null), caller(user));
        return back(id, outcome, "Incident updated.", redirect, user);
    }

    @PostMapping("/incidents/{id}/parent")
    String parent(@PathVariable long id, @RequestParam(defaultValue = "") String parent, Authentication user, RedirectAttributes redirect) {
        Long parentId;
        try {
            parentId = parent.isBlank() ? null : Long.valueOf(parent.strip().replaceFirst("^#", ""));
        } catch (NumberFormatException notANumber) {
            redirect.addFlashAttribute("errors", List.of("parent: the number of an incident, such as 12"));
            return "redirect:/incidents/" + id;
        }
        return back(id, incidents.setParent(id, parentId, caller(user)),
                parentId == null ? "The incident stands on its own." : "The incident is part of incident " + parentId + ".", redirect, user);
    }

    @PostMapping("/incidents/{id}/merge")
    String merge(@PathVariable long id, @RequestParam long into, Authentication user, RedirectAttributes redirect) {
        IncidentOutcome<?> outcome = incidents.merge(id, into, caller(user));
        if (outcome instanceof IncidentOutcome.Done<?>) {
            redirect.addFlashAttribute("message", "Incident " + id + " was merged into this one.");
            return "redirect:/incidents/" + into;
        }
        return back(id, outcome, "", redirect, user);
    }

    @PostMapping("/incidents/{id}/timeline")
    String record(@PathVariable long id, @RequestParam String kind, @RequestParam String summary,
                  @RequestParam(defaultValue = "") String source, @RequestParam(defaultValue = "") String technique,
                  @RequestParam(name = "occurred_at", defaultValue = "") String occurredAt,
                  @RequestParam(defaultValue = "") String counterpart, @RequestParam(defaultValue = "") String channel,
                  @RequestParam(required = false) @Nullable Long attachment, Authentication user, RedirectAttributes redirect) {
        FormTime when = parsedTime(occurredAt, "occurred at", redirect);
        if (!when.readable()) {
            return "redirect:/incidents/" + id + "#timeline";
        }
        IncidentOutcome<?> outcome = incidents.record(id, new Incidents.NewEntry(when.value(), kind, summary, source, technique,
                counterpart, channel, attachment), caller(user));
        return back(id, outcome, "Entry added to the timeline.", redirect, user) + "#timeline";
    }

    @PostMapping("/incidents/{id}/observables")
    String addObservables(@PathVariable long id, @RequestParam String text, @RequestParam String tlp,
                          @RequestParam(defaultValue = "false") boolean ioc, @RequestParam(defaultValue = "false") boolean sighted,
                          @RequestParam(defaultValue = "") String tags, Authentication user, RedirectAttributes redirect) {
        IncidentOutcome<?> outcome = incidents.addObservables(id, new Incidents.Paste(text, ioc, sighted, tlp,
                List.of(tags.split(","))), caller(user));
        String message = outcome instanceof IncidentOutcome.Done<?> done && done.value() instanceof Incidents.Added added
                ? added.added() + " added, " + added.alreadyKnown() + " already recorded (marked seen again)"
                + (added.repeats() > 0 ? ", " + added.repeats() + " repeated in the paste" : "") + "." : "";
        if (!(outcome instanceof IncidentOutcome.Done<?>)) {
            redirect.addFlashAttribute("pasted", text);
        }
        return back(id, outcome, message, redirect, user) + "#observables";
    }

    @PostMapping("/incidents/{id}/tasks")
    String addTask(@PathVariable long id, @RequestParam String title, @RequestParam(defaultValue = "") String assignee,
                   @RequestParam(name = "due_at", defaultValue = "") String dueAt, @RequestParam(defaultValue = "") String system,
                   @RequestParam(defaultValue = "") String activity, Authentication user, RedirectAttributes redirect) {
        FormTime due = parsedTime(dueAt, "due", redirect);
        if (!due.readable()) {
            return "redirect:/incidents/" + id + "#tasks";
        }
        return back(id, tasks.add(id, new IncidentTasks.NewTask(title, assignee, due.value(), system, activity), caller(user)),
                "Task added.", redirect, user) + "#tasks";
    }

    @PostMapping("/incidents/{id}/tasks/{task}")
    String changeTask(@PathVariable long id, @PathVariable long task, @RequestParam String status, Authentication user,
                      RedirectAttributes redirect) {
        return back(id, tasks.change(id, task, new IncidentTasks.TaskChange(status, null, null), caller(user)),
                "Task " + task + " is " + status + ".", redirect, user) + "#tasks";
    }

    @PostMapping("/incidents/{id}/tasks/{task}/log")
    String logTask(@PathVariable long id, @PathVariable long task, @RequestParam String note, Authentication user,
                   RedirectAttributes redirect) {
        return back(id, tasks.log(id, task, note, caller(user)), "Logged on task " + task + ".", redirect, user) + "#tasks";
    }

    @PostMapping("/incidents/{id}/playbooks")
    String applyPlaybook(@PathVariable long id, @RequestParam long playbook, Authentication user, RedirectAttributes redirect) {
        IncidentOutcome<List<TaskStore.Task>> outcome = tasks.apply(id, playbook, caller(user));
        String message = outcome instanceof IncidentOutcome.Done<List<TaskStore.Task>> done
                ? done.value().size() + " tasks started from the playbook." : "";
        return back(id, outcome, message, redirect, user) + "#tasks";
    }

    @PostMapping(path = "/incidents/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String upload(@PathVariable long id, @RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "") String description,
                  @RequestParam(defaultValue = "") String source, Authentication user, RedirectAttributes redirect) {
        if (file.isEmpty()) {
            redirect.addFlashAttribute("errors", List.of("file: choose a file to upload"));
            return "redirect:/incidents/" + id + "#evidence";
        }
        IncidentOutcome<IncidentEvidence.Item> outcome = EvidenceApi.upload(evidence, id, file, new IncidentEvidence.Description(
                file.getOriginalFilename(), description, source, null, null, null, null, null), user);
        String message = outcome instanceof IncidentOutcome.Done<IncidentEvidence.Item> done
                ? done.value().evidence().name() + " stored, SHA-256 " + done.value().evidence().sha256() + "." : "";
        return back(id, outcome, message, redirect, user) + "#evidence";
    }

    @PostMapping("/incidents/{id}/evidence/{item}/custody")
    String handOver(@PathVariable long id, @PathVariable long item, @RequestParam(name = "released_by") String releasedBy,
                    @RequestParam(name = "received_by") String receivedBy, @RequestParam String purpose,
                    @RequestParam(defaultValue = "") String at, Authentication user, RedirectAttributes redirect) {
        FormTime when = parsedTime(at, "at", redirect);
        if (!when.readable()) {
            return "redirect:/incidents/" + id + "#evidence";
        }
        return back(id, evidence.handOver(id, item, new IncidentEvidence.Handover(releasedBy, receivedBy, when.value(), purpose),
                caller(user)), "Hand-over recorded.", redirect, user) + "#evidence";
    }

    @PostMapping("/incidents/{id}/members")
    String addMember(@PathVariable long id, @RequestParam String username, Authentication user, RedirectAttributes redirect) {
        return back(id, incidents.addMember(id, username, caller(user)), username.strip() + " is a member.", redirect, user) + "#members";
    }

    @PostMapping("/incidents/{id}/members/{username}/remove")
    String removeMember(@PathVariable long id, @PathVariable String username, Authentication user, RedirectAttributes redirect) {
        return back(id, incidents.removeMember(id, username, caller(user)), username + " is no longer a member.", redirect, user)
                + "#members";
    }

    @PostMapping("/incidents/{id}/software")
    String noteSoftware(@PathVariable long id, @RequestParam String software, Authentication user, RedirectAttributes redirect) {
        return back(id, incidents.noteSoftware(id, software, caller(user)), software.strip().toUpperCase(java.util.Locale.ROOT)
                + " noted as found.", redirect, user) + "#attack";
    }

    @PostMapping("/incidents/{id}/techniques")
    String noteTechnique(@PathVariable long id, @RequestParam String technique, Authentication user, RedirectAttributes redirect) {
        return back(id, incidents.noteTechnique(id, technique, caller(user)), technique.strip().toUpperCase(java.util.Locale.ROOT)
                + " noted as observed.", redirect, user) + "#attack";
    }

    /** A time typed in a form: no value when left blank; unreadable (with the error flashed) when it is not a time. */
    private record FormTime(@Nullable Instant value, boolean readable) {
    }

    private FormTime parsedTime(String typed, String field, RedirectAttributes redirect) {
        if (typed.isBlank()) {
            return new FormTime(null, true);
        }
        try {
            return new FormTime(formats.parseInput(typed), true);
        } catch (DateTimeParseException unreadable) {
            redirect.addFlashAttribute("errors", List.of(field + ": not a date and time (" + typed + ")"));
            return new FormTime(null, false);
        }
    }

    private String back(long id, IncidentOutcome<?> outcome, String message, RedirectAttributes redirect, Authentication user) {
        if (outcome instanceof IncidentOutcome.Done<?>) {
            redirect.addFlashAttribute("message", message);
        } else {
            flash(outcome, redirect, user);
        }
        return "redirect:/incidents/" + id;
    }

    private static void flash(IncidentOutcome<?> outcome, RedirectAttributes redirect, Authentication user) {
        if (outcome instanceof IncidentOutcome.Rejected<?> rejected) {
            redirect.addFlashAttribute("errors", rejected.problems().stream()
                    .map(problem -> problem.field() + ": " + problem.message()).toList());
        } else {
            required(outcome, user);
        }
    }

    private static <T> T required(IncidentOutcome<T> outcome, Authentication user) {
        return IncidentResponses.required(outcome, user);
    }
}
