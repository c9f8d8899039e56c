package org.rebound.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.rebound.impact.application.ImpactChanged;
import org.rebound.obligations.application.DeadlineAlertRaised;
import org.rebound.planning.application.PlanComputed;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes server-sent events to open pages: {@code impact} when something changed the picture,
 * {@code plan} when a new plan was computed, {@code alert} when a notification deadline alert was raised, {@code tick} regularly so that running loss counters move. Dashboards reload the parts they show
 * when an event arrives. Sending happens on a thread of its own so that a slow client never holds
 * up the change that caused the event.
 */
@Controller
class LiveUpdates {

    private static final Duration CONNECTION_LIFETIME = Duration.ofMinutes(30);
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(3);

    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rebound-sse");
        thread.setDaemon(true);
        return thread;
    });
    private final Clock clock;

    LiveUpdates(Clock clock) {
        this.clock = clock;
    }

    @GetMapping(path = "/dashboard/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() throws IOException {
        SseEmitter emitter = new SseEmitter(CONNECTION_LIFETIME.toMillis());
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(emitter::complete);
        emitter.onError(failure -> emitters.remove(emitter));
        // The response and its headers go out with the first event: say at once that the stream is open.
        emitter.send(SseEmitter.event().comment("connected").reconnectTime(RECONNECT_AFTER.toMillis()));
        emitters.add(emitter);
        return emitter;
    }

    @EventListener
    void impactChanged(ImpactChanged changed) {
        broadcast("impact", changed.cause());
    }

    @EventListener
    void planComputed(PlanComputed computed) {
        broadcast("plan", "plan " + computed.planId() + ": " + computed.reason());
    }

    @EventListener
    void deadlineAlert(DeadlineAlertRaised raised) {
        // no content: each page reloads the deadlines its viewer may see
        broadcast("alert", "deadlines");
    }

    @Scheduled(fixedDelayString = "${rebound.tick-interval:15s}", initialDelayString = "${rebound.tick-interval:15s}")
    void tick() {
        broadcast("tick", clock.instant().toString());
    }

    private void broadcast(String name, String data) {
        sender.execute(() -> {
            for (SseEmitter emitter : emitters) {
                try {
                    emitter.send(SseEmitter.event().name(name).data(data));
                } catch (IOException | IllegalStateException gone) {
                    emitters.remove(emitter);
                }
            }
        });
    }

    /**
     * Ends open streams as soon as shutdown begins: the web server's graceful stop would otherwise
     * wait for these never-ending responses.
     */
    @EventListener(ContextClosedEvent.class)
    void close() {
        emitters.forEach(SseEmitter::complete);
        emitters.clear();
        sender.shutdownNow();
    }
}
