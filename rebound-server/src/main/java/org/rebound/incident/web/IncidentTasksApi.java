package org.rebound.incident.web;

import static org.rebound.incident.web.IncidentResponses.answer;
import static org.rebound.incident.web.IncidentResponses.caller;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rebound.incident.application.IncidentTasks;
import org.rebound.web.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** An incident's tasks and the playbooks that start them. */
@RestController
class IncidentTasksApi {

    record LogNote(@Nullable String note) {
    }

    private final IncidentTasks tasks;

    IncidentTasksApi(IncidentTasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping("/api/incidents/{id}/tasks")
    ResponseEntity<?> tasks(@PathVariable long id, Authentication user) {
        return answer(tasks.tasks(id, caller(user)), HttpStatus.OK, user);
    }

    @PostMapping("/api/incidents/{id}/tasks")
    ResponseEntity<?> add(@PathVariable long id, @RequestBody IncidentTasks.NewTask task, Authentication user) {
        return answer(tasks.add(id, task, caller(user)), HttpStatus.CREATED, user);
    }

    @PatchMapping("/api/incidents/{id}/tasks/{task}")
    ResponseEntity<?> change(@PathVariable long id, @PathVariable long task, @RequestBody IncidentTasks.TaskChange change,
                             Authentication user) {
        return answer(tasks.change(id, task, change, caller(user)), HttpStatus.OK, user);
    }

    @PostMapping("/api/incidents/{id}/tasks/{task}/log")
    ResponseEntity<?> log(@PathVariable long id, @PathVariable long task, @RequestBody LogNote note, Authentication user) {
        return answer(tasks.log(id, task, note.note(), caller(user)), HttpStatus.CREATED, user);
    }

    /** Starts a playbook's tasks in the incident. */
    @PostMapping("/api/incidents/{id}/playbooks/{playbook}")
    ResponseEntity<?> apply(@PathVariable long id, @PathVariable long playbook, Authentication user) {
        return answer(tasks.apply(id, playbook, caller(user)), HttpStatus.CREATED, user);
    }

    @GetMapping("/api/playbooks")
    List<IncidentTasks.PlaybookView> playbooks() {
        return tasks.playbooks();
    }

    @GetMapping("/api/playbooks/{id}")
    ResponseEntity<?> playbook(@PathVariable long id) {
        return tasks.playbook(id).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiProblems.notFound("no playbook " + id)));
    }

    @PostMapping("/api/playbooks")
    ResponseEntity<?> create(@RequestBody IncidentTasks.PlaybookText text, Authentication user) {
        return answer(tasks.save(null, text, caller(user)), HttpStatus.CREATED, user);
    }

    @PutMapping("/api/playbooks/{id}")
    ResponseEntity<?> replace(@PathVariable long id, @RequestBody IncidentTasks.PlaybookText text, Authentication user) {
        return answer(tasks.save(id, text, caller(user)), HttpStatus.OK, user);
    }
}
