package org.rebound.impact;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rebound.model.Backlog;
import org.rebound.model.BusinessProcess;
import org.rebound.model.Enterprise;
import org.rebound.model.Scenario;
import org.rebound.model.SystemState;
import org.rebound.model.Workaround;

/**
 * Follows an incident through time. State changes arrive in time order; each updates availability
 * incrementally ({@link LiveImpact}) and opens or closes the outages of the processes it flips.
 * From the outages the tracker derives, for any instant, each process's state (a process that is
 * not up is degraded once its workaround's lead time has passed since it went down), the loss rate,
 * the loss accumulated since {@link #start()}, and backlog levels. Not thread-safe.
 */
public final class ImpactTracker {

    private static final double SECONDS_PER_HOUR = 3600.0;

    private final ImpactModel model;
    private final Instant start;
    private final LiveImpact live;
    private final List<List<Outage>> outages;
    private Instant latest;

    /** A tracker with every system operational, counting loss from {@code start}. */
    public ImpactTracker(ImpactModel model, Instant start) {
        this.model = model;
        this.start = start;
        this.live = LiveImpact.allOperational(model);
        this.outages = new ArrayList<>(model.processCount());
        for (int p = 0; p < model.processCount(); p++) {
            outages.add(new ArrayList<>());
        }
        this.latest = Instant.MIN;
    }

    /** A tracker at the start of {@code scenario}: its compromised systems go down at its start. */
    public static ImpactTracker forScenario(ImpactModel model, Scenario scenario) {
        return replay(model, scenario.start(), scenarioChanges(scenario));
    }

    /** The state changes a scenario begins with. */
    public static List<StateChange> scenarioChanges(Scenario scenario) {
        return scenario.compromised().stream()
                .map(system -> new StateChange(scenario.start(), system, SystemState.COMPROMISED))
                .toList();
    }

    /** A tracker that has applied {@code changes} in time order (changes at the same instant keep their order). */
    public static ImpactTracker replay(ImpactModel model, Instant start, List<StateChange> changes) {
        ImpactTracker tracker = new ImpactTracker(model, start);
        changes.stream().sorted(Comparator.comparing(StateChange::at)).forEach(tracker::apply);
        return tracker;
    }

    public ImpactModel model() {
        return model;
    }

    public Instant start() {
        return start;
    }

    /** The time of the latest change applied, or {@link Instant#MIN} before any. */
    public Instant latest() {
        return latest;
    }

    /**
     * Applies a state change.
     *
     * @throws IllegalArgumentException if the change is earlier than one already applied (replay
     *     instead), or names an unknown system
     */
    public AvailabilityChange apply(StateChange change) {
        if (change.at().isBefore(latest)) {
            throw new IllegalArgumentException("state change at " + change.at() + " for " + change.system()
                    + " is earlier than the latest applied, " + latest + "; replay the changes in order instead");
        }
        AvailabilityChange flipped = live.set(change.system(), change.state());
        latest = change.at();
        for (String processId : flipped.processes()) {
            List<Outage> history = outages.get(model.processIndex(processId));
            if (live.isUp(processId)) {
                Outage open = history.remove(history.size() - 1);
                history.add(new Outage(open.down(), change.at()));
            } else {
                history.add(new Outage(change.at(), null));
            }
        }
        return flipped;
    }

    public SystemState state(String systemId) {
        return live.state(systemId);
    }

    public boolean isAvailable(String systemId) {
        return live.isAvailable(systemId);
    }

    /** The current availability, as of the latest change. */
    public Availability availability() {
        return live.availability();
    }

    /** Systems not operational now, with their states. */
    public Map<String, SystemState> nonOperational() {
        return live.nonOperational();
    }

    /** See {@link LiveImpact#rootCauses(String)}; as of the latest change. */
    public List<List<String>> rootCauses(String systemId) {
        return live.rootCauses(systemId);
    }

    /** The outages of a process so far, oldest first. */
    public List<Outage> outages(String processId) {
        return List.copyOf(outages.get(model.processIndex(processId)));
    }

    public ProcessState stateAt(String processId, Instant at) {
        int p = model.processIndex(processId);
        return stateAt(process(p), outages.get(p), at);
    }

    /** The loss of every process between two instants ({@code from} before {@code to}). */
    public double lossBetween(Instant from, Instant to) {
        double total = 0;
        for (int p = 0; p < model.processCount(); p++) {
            total += lossBetween(process(p), outages.get(p), from, to);
        }
        return total;
    }

    /** The loss of one process between two instants. */
    public double lossBetween(String processId, Instant from, Instant to) {
        int p = model.processIndex(processId);
        return lossBetween(process(p), outages.get(p), from, to);
    }

    public double backlogLevel(String backlogId, Instant at) {
        Backlog backlog = enterprise().backlogs().stream()
                .filter(candidate -> candidate.id().equals(backlogId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown backlog '" + backlogId + "'"));
        return backlogLevel(backlog, at);
    }

    /**
     * The impact at {@code at}, which must not be earlier than the latest change applied (so that
     * the unavailable requirements listed are those of that instant).
     */
    public ImpactReport reportAt(Instant at) {
        if (at.isBefore(latest)) {
            throw new IllegalArgumentException("a report at " + at + " would predate the latest change, " + latest);
        }
        List<ProcessImpact> processes = new ArrayList<>(model.processCount());
        for (int p = 0; p < model.processCount(); p++) {
            BusinessProcess process = process(p);
            List<Outage> history = outages.get(p);
            ProcessState state = stateAt(process, history, at);
            Outage current = state == ProcessState.UP ? null : history.get(history.size() - 1);
            processes.add(new ProcessImpact(
                    process.id(),
                    process.name(),
                    process.site(),
                    state,
                    lossRate(process, state),
                    at.isAfter(start) ? lossBetween(process, history, start, at) : 0,
                    current == null ? null : current.down(),
                    state == ProcessState.UP ? List.of() : live.unavailableRequirements(process.id())));
        }
        List<BacklogStatus> backlogs = enterprise().backlogs().stream()
                .map(backlog -> backlogStatus(backlog, at))
                .toList();
        return new ImpactReport(enterprise().name(), enterprise().currency(), start, at, processes, backlogs);
    }

    private BacklogStatus backlogStatus(Backlog backlog, Instant at) {
        double level = backlogLevel(backlog, at);
        Instant clearsAt = null;
        double netClearance = backlog.clearPerHour() - backlog.inflowPerHour();
        if (level > 0 && netClearance > 0 && stateAt(backlog.process(), at) == ProcessState.UP) {
            clearsAt = at.plusSeconds(Math.round(level / netClearance * SECONDS_PER_HOUR));
        }
        return new BacklogStatus(backlog.id(), backlog.process(), backlog.unit(), level, clearsAt);
    }

    /** Loss per hour of a process in a state, exactly as the model format defines it. */
    public static double lossRate(BusinessProcess process, ProcessState state) {
        return switch (state) {
            case UP -> 0;
            case DOWN -> process.costPerHour();
            case DEGRADED -> {
                Workaround workaround = requireWorkaround(process);
                yield process.costPerHour() * (1 - workaround.capacity()) + workaround.costPerHour();
            }
        };
    }

    private static Workaround requireWorkaround(BusinessProcess process) {
        Workaround workaround = process.workaround();
        if (workaround == null) {
            throw new IllegalStateException("process " + process.id() + " has no workaround to be degraded on");
        }
        return workaround;
    }

    private static ProcessState stateAt(BusinessProcess process, List<Outage> history, Instant at) {
        for (int i = history.size() - 1; i >= 0; i--) {
            Outage outage = history.get(i);
            if (outage.covers(at)) {
                Instant degradedFrom = degradedFrom(process, outage);
                return degradedFrom != null && !at.isBefore(degradedFrom) ? ProcessState.DEGRADED : ProcessState.DOWN;
            }
            if (outage.down().isBefore(at)) {
                break;
            }
        }
        return ProcessState.UP;
    }

    /** When the workaround takes over in an outage, or null when there is none. */
    private static @Nullable Instant degradedFrom(BusinessProcess process, Outage outage) {
        Workaround workaround = process.workaround();
        return workaround == null ? null : outage.down().plus(workaround.leadTime());
    }

    private static double lossBetween(BusinessProcess process, List<Outage> history, Instant from, Instant to) {
        double loss = 0;
        for (Outage outage : history) {
            Instant end = outage.up() == null ? Instant.MAX : outage.up();
            Instant degraded = degradedFrom(process, outage);
            Instant downEnd = degraded == null || degraded.isAfter(end) ? end : degraded;
            loss += hoursOverlap(outage.down(), downEnd, from, to) * process.costPerHour();
            if (degraded != null && degraded.isBefore(end)) {
                loss += hoursOverlap(degraded, end, from, to) * lossRate(process, ProcessState.DEGRADED);
            }
        }
        return loss;
    }

    /**
     * Backlog level, from zero before its process's first outage: it grows by the inflow while the
     * process is down, by the inflow times the missing capacity while degraded, and falls by the
     * clearance net of inflow while up, never below zero.
     */
    private double backlogLevel(Backlog backlog, Instant at) {
        int p = model.processIndex(backlog.process());
        BusinessProcess process = process(p);
        Workaround workaround = process.workaround();
        double netClearance = backlog.clearPerHour() - backlog.inflowPerHour();
        double level = 0;
        Instant upSince = null;
        for (Outage outage : outages.get(p)) {
            if (!outage.down().isBefore(at)) {
                break;
            }
            if (upSince != null) {
                level = Math.max(0, level - netClearance * hours(upSince, outage.down()));
            }
            Instant end = outage.up() == null || outage.up().isAfter(at) ? at : outage.up();
            Instant degraded = degradedFrom(process, outage);
            Instant downEnd = degraded == null || degraded.isAfter(end) ? end : degraded;
            level += backlog.inflowPerHour() * hours(outage.down(), downEnd);
            if (workaround != null && downEnd.isBefore(end)) {
                level += backlog.inflowPerHour() * (1 - workaround.capacity()) * hours(downEnd, end);
            }
            if (end.equals(at)) {
                return level;
            }
            upSince = end;
        }
        return upSince == null ? level : Math.max(0, level - netClearance * hours(upSince, at));
    }

    private static double hoursOverlap(Instant start, Instant end, Instant from, Instant to) {
        Instant overlapStart = start.isAfter(from) ? start : from;
        Instant overlapEnd = end.isBefore(to) ? end : to;
        return overlapEnd.isAfter(overlapStart) ? hours(overlapStart, overlapEnd) : 0;
    }

    private static double hours(Instant from, Instant to) {
        Duration duration = Duration.between(from, to);
        return (duration.getSeconds() + duration.getNano() / 1e9) / SECONDS_PER_HOUR;
    }

    private BusinessProcess process(int index) {
        return enterprise().processes().get(index);
    }

    private Enterprise enterprise() {
        return model.enterprise();
    }
}
