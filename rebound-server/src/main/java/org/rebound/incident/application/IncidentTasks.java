package org.rebound.incident.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.rebound.audit.AuditLog;
import org.rebound.incident.Playbook;
import org.rebound.incident.TaskStatus;
import org.rebound.incident.TimelineKind;
import org.rebound.incident.application.IncidentOutcome.Done;
import org.rebound.incident.application.IncidentOutcome.Forbidden;
import org.rebound.incident.application.IncidentOutcome.NotFound;
import org.rebound.incident.application.IncidentOutcome.Problem;
import org.rebound.incident.application.IncidentOutcome.Rejected;
import org.rebound.incident.persistence.PlaybookStore;
import org.rebound.incident.persistence.PlaybookStore.StoredPlaybook;
import org.rebound.incident.persistence.TaskStore;
import org.rebound.incident.persistence.TaskStore.Task;
import org.rebound.model.Coded;
import org.rebound.planning.ActivityKind;
import org.rebound.security.Role;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The work of an incident: tasks with an assignee, a due time, a status and a log, started by hand or
 * from a playbook; and the playbooks themselves. Access is the incident's ({@link Incidents#access}).
 */
public final class IncidentTasks {

    /**
     * A task as asked for; it may be about a system of the model and carry out one of the recovery
     * plan's activities on it ({@code triage}, {@code restore}, {@code validate}).
     */
    public record NewTask(@Nullable String title, @Nullable String assignee, @Nullable Instant dueAt, @Nullable String system,
                          @Nullable String activity) {
    }

    /** A task about a system, with the incident it belongs to. */
    public record SystemTask(Task task, String incidentTitle) {
    }

    /** Changes to a task; absent values stay. An empty assignee clears it. */
    public record TaskChange(@Nullable String status, @Nullable String assignee, @Nullable Instant dueAt) {
    }

    /** A task with what was logged on it. */
    public record TaskItem(Task task, List<TaskStore.LogEntry> log) {
    }

    /** A playbook as written in the editor: a name, a description and one task per line. */
    public record PlaybookText(@Nullable String name, @Nullable String description, @Nullable String steps) {
    }

    /** A playbook with its text, for the editor. */
    public record PlaybookView(long id, String name, String description, List<Playbook.Step> steps, String text, Instant updatedAt,
                               String updatedBy) {
        static PlaybookView of(StoredPlaybook stored) {
            return new PlaybookView(stored.id(), stored.playbook().name(), stored.playbook().description(), stored.playbook().steps(),
                    stored.playbook().text(), stored.updatedAt(), stored.updatedBy());
        }
    }

    private static final Set<Role> PLAYBOOK_EDITORS = Set.of(Role.ADMIN, Role.INCIDENT_COMMANDER);

    private final Incidents incidents;
    private final TaskStore tasks;
    private final PlaybookStore playbooks;
    private final Predicate<String> systemExists;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /**
     * @param systemExists whether the model in force has a system of that id
     */
    public IncidentTasks(Incidents incidents, TaskStore tasks, PlaybookStore playbooks, Predicate<String> systemExists, AuditLog audit,
                         TransactionTemplate transactions, Clock clock) {
        this.incidents = incidents;
        this.systemExists = systemExists;
        this.tasks = tasks;
        this.playbooks = playbooks;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    public IncidentOutcome<List<TaskItem>> tasks(long incident, Caller caller) {
        return guarded(incident, caller, Access::canRead, "you are not a member of this incident", () -> {
            List<TaskStore.LogEntry> logs = tasks.logs(incident);
            return new Done<>(tasks.of(incident).stream()
                    .map(task -> new TaskItem(task, logs.stream().filter(entry -> entry.task() == task.id()).toList()))
                    .toList());
        });
    }

    /** The tasks about a system in the incidents the caller may read. */
    public List<SystemTask> forSystem(String system, Caller caller) {
        return tasks.forSystem(system).stream()
                .filter(task -> incidents.access(task.incident(), caller).canRead())
                .map(task -> new SystemTask(task, incidents.detail(task.incident(), caller) instanceof Done<Incidents.Detail> detail
                        ? detail.value().incident().title() : ""))
                .toList();
    }

    public IncidentOutcome<Task> add(long incident, NewTask task, Caller caller) {
        return guarded(incident, caller, Access::canWrite, "this incident is read-only for you", () -> {
            List<Problem> problems = new ArrayList<>();
            String title = task.title() == null ? "" : task.title().strip();
            if (title.isEmpty() || title.length() > 200) {
                problems.add(new Problem("title", "1 to 200 characters"));
            }
            String assignee = blankToNull(task.assignee());
            if (assignee != null && assignee.length() > 100) {
                problems.add(new Problem("assignee", "up to 100 characters"));
            }
            String system = blankToNull(task.system());
            if (system != null && !systemExists.test(system)) {
                problems.add(new Problem("system", "the model has no system '" + system + "'"));
            }
            String activity = blankToNull(task.activity());
            if (activity != null) {
                Optional<ActivityKind> kind = Coded.parse(ActivityKind.class, activity);
                if (kind.isEmpty() || system == null) {
                    problems.add(new Problem("activity", "one of " + Coded.spellings(ActivityKind.class) + ", for a task about a system"));
                } else {
                    activity = kind.get().id();
                }
            }
            String plannedActivity = activity;
            if (!problems.isEmpty()) {
                return new Rejected<>(problems);
            }
            Instant now = clock.instant();
            return new Done<>(transactions.execute(status -> {
                Task added = tasks.add(incident, title, assignee, task.dueAt(), system, plannedActivity, now, caller.username());
                audit.record(now, caller.username(), "incident.task.add", "incident/" + incident + "/task/" + added.id(), title);
                return added;
            }));
        });
    }

    public IncidentOutcome<Task> change(long incident, long taskId, TaskChange change, Caller caller) {
        return guarded(incident, caller, Access::canWrite, "this incident is read-only for you", () -> {
            Optional<Task> task = tasks.find(incident, taskId);
            if (task.isEmpty()) {
                return Rejected.of("task", "incident " + incident + " has no task " + taskId);
            }
            TaskStatus status = task.get().status();
            if (change.status() != null) {
                Optional<TaskStatus> parsed = Coded.parse(TaskStatus.class, change.status());
                if (parsed.isEmpty()) {
                    return Rejected.of("status", "one of " + Coded.spellings(TaskStatus.class));
                }
                status = parsed.get();
            }
            String assignee = change.assignee() == null ? task.get().assignee() : blankToNull(change.assignee());
            Instant due = change.dueAt() == null ? task.get().dueAt() : change.dueAt();
            Instant now = clock.instant();
            TaskStatus newStatus = status;
            transactions.executeWithoutResult(transaction -> {
                tasks.update(taskId, newStatus, assignee, due, now);
                if (newStatus == TaskStatus.DONE && task.get().status() != TaskStatus.DONE) {
                    incidents.noteOnTimeline(incident, now, TimelineKind.ACTION, "Task done: " + task.get().title(),
                            "tasks" + (assignee == null ? "" : ", " + assignee), now, caller.username());
                }
                audit.record(now, caller.username(), "incident.task.change", "incident/" + incident + "/task/" + taskId,
                        task.get().status().id() + " -> " + newStatus.id() + ", assignee " + (assignee == null ? "-" : assignee)
                                + ", due " + (due == null ? "-" : due));
            });
            return new Done<>(tasks.find(incident, taskId).orElseThrow());
        });
    }

    public IncidentOutcome<TaskStore.LogEntry> log(long incident, long taskId, @Nullable String note, Caller caller) {
        return guarded(incident, caller, Access::canWrite, "this incident is read-only for you", () -> {
            String text = note == null ? "" : note.strip();
            if (text.isEmpty() || text.length() > 10_000) {
                return Rejected.of("note", "1 to 10,000 characters");
            }
            if (tasks.find(incident, taskId).isEmpty()) {
                return Rejected.of("task", "incident " + incident + " has no task " + taskId);
            }
            Instant now = clock.instant();
            return new Done<>(transactions.execute(status -> {
                TaskStore.LogEntry entry = tasks.log(taskId, now, caller.username(), text);
                audit.record(now, caller.username(), "incident.task.log", "incident/" + incident + "/task/" + taskId, text);
                return entry;
            }));
        });
    }

    /** Starts the playbook's tasks in the incident, each due its delay after now. */
    public IncidentOutcome<List<Task>> apply(long incident, long playbookId, Caller caller) {
        return guarded(incident, caller, Access::canManage, "only the lead and incident commanders apply playbooks", () -> {
            Optional<StoredPlaybook> playbook = playbooks.find(playbookId);
            if (playbook.isEmpty()) {
                return Rejected.of("playbook", "no playbook " + playbookId);
            }
            Instant now = clock.instant();
            return new Done<>(transactions.execute(status -> {
                List<Task> started = new ArrayList<>();
                for (Playbook.Step step : playbook.get().playbook().steps()) {
                    started.add(tasks.add(incident, step.title(), step.assignee(),
                            step.dueAfter() == null ? null : now.plus(step.dueAfter()), null, null, now, caller.username()));
                }
                audit.record(now, caller.username(), "incident.playbook", "incident/" + incident,
                        "applied '" + playbook.get().playbook().name() + "': " + started.size() + " tasks");
                return started;
            }));
        });
    }

    public List<PlaybookView> playbooks() {
        return playbooks.all().stream().map(PlaybookView::of).toList();
    }

    public Optional<PlaybookView> playbook(long id) {
        return playbooks.find(id).map(PlaybookView::of);
    }

    /** Creates a playbook ({@code id} null) or replaces one; refused whole when a line cannot be read. */
    public IncidentOutcome<PlaybookView> save(@Nullable Long id, PlaybookText text, Caller caller) {
        if (caller.roles().stream().noneMatch(PLAYBOOK_EDITORS::contains)) {
            return new Forbidden<>("only administrators and incident commanders edit playbooks");
        }
        List<Problem> problems = new ArrayList<>();
        String name = text.name() == null ? "" : text.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(new Problem("name", "1 to 200 characters"));
        }
        Playbook.Parsed parsed = Playbook.parse(text.steps() == null ? "" : text.steps());
        parsed.problems().forEach(problem -> problems.add(new Problem("steps line " + problem.line(), problem.message())));
        if (parsed.problems().isEmpty() && parsed.steps().isEmpty()) {
            problems.add(new Problem("steps", "at least one task, one per line: title | assignee | due after"));
        }
        Optional<StoredPlaybook> sameName = playbooks.named(name);
        if (sameName.isPresent() && !Long.valueOf(sameName.get().id()).equals(id)) {
            problems.add(new Problem("name", "another playbook is called '" + name + "'"));
        }
        if (id != null && playbooks.find(id).isEmpty()) {
            return new NotFound<>(id);
        }
        if (!problems.isEmpty()) {
            return new Rejected<>(problems);
        }
        Playbook playbook = new Playbook(name, text.description() == null ? "" : text.description().strip(), parsed.steps());
        Instant now = clock.instant();
        long saved = transactions.execute(status -> {
            long playbookId = id == null ? playbooks.create(playbook, now, caller.username()) : updated(id, playbook, now, caller);
            audit.record(now, caller.username(), id == null ? "playbook.create" : "playbook.change", "playbook/" + playbookId,
                    name + ": " + playbook.steps().size() + " tasks");
            return playbookId;
        });
        return new Done<>(playbook(saved).orElseThrow());
    }

    /** Adds a playbook Rebound ships unless one of that name exists; used at start-up. */
    public void provide(Playbook playbook) {
        if (playbooks.named(playbook.name()).isEmpty()) {
            Instant now = clock.instant();
            transactions.executeWithoutResult(status -> {
                long id = playbooks.create(playbook, now, "rebound");
                audit.record(now, "rebound", "playbook.create", "playbook/" + id, playbook.name() + ": shipped with Rebound");
            });
        }
    }

    private long updated(long id, Playbook playbook, Instant now, Caller caller) {
        playbooks.update(id, playbook, now, caller.username());
        return id;
    }

    private <T> IncidentOutcome<T> guarded(long incident, Caller caller, Predicate<Access> allowed, String refusal,
                                           Supplier<IncidentOutcome<T>> action) {
        return incidents.guarded(incident, caller, allowed, refusal, action);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
