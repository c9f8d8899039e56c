package org.rebound.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.rebound.incident.persistence.IncidentStore;
import org.rebound.security.ApiTokens;
import org.rebound.security.Role;
import org.rebound.security.UserStore;
import org.rebound.server.ReboundServer;
import org.rebound.storage.DatabaseSettings;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Two hundred people with the demo dashboard open during an incident, against a server on loopback:
 * each logged in through the login form, holding the dashboard's live-update stream open, fetching the
 * dashboard's changing parts whenever the stream says they changed, after the random delay their page
 * was given (as htmx does in the browser), also polling them every few seconds, and reloading the whole
 * dashboard page every minute. Latencies run from sending a request to receiving the whole answer. Meanwhile
 * a recovery lead records a state change every few seconds, so the impact, plan and tick events all
 * flow. The baseline is the same requests made by one user alone on the same server, before the crowd
 * arrives.
 */
final class LoadBenchmark {

    private static final int USERS = 200;
    private static final Duration RUN = Duration.ofMinutes(2);
    private static final Duration POLL_EVERY = Duration.ofSeconds(5);
    private static final Duration RELOAD_EVERY = Duration.ofMinutes(1);
    private static final Duration STATE_CHANGE_EVERY = Duration.ofSeconds(10);
    private static final Duration TICK_EVERY = Duration.ofSeconds(15);
    private static final double TARGET_P99_MILLIS = 200;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
    private static final Pattern UPDATE_DELAY = Pattern.compile("sse:impact delay:(\\d+)ms");
    /** The events on which the dashboard reloads its changing parts, as in templates/dashboard.html ({@code alert}: the deadlines). */
    private static final Set<String> UPDATE_EVENTS = Set.of("impact", "plan", "tick");
    private static final String UPDATE = "/dashboard/live";
    /** The per-viewer panel of notification deadlines, which the dashboard page loads after itself. */
    private static final String DEADLINES = "/obligations/deadlines";

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;
    private final List<Long> pageNanos = new ArrayList<>();
    private final List<Long> updateNanos = new ArrayList<>();
    private final List<Long> deadlineNanos = new ArrayList<>();
    private final AtomicLong errors = new AtomicLong();
    private final Map<String, AtomicLong> errorExamples = new ConcurrentHashMap<>();
    private final AtomicInteger openStreams = new AtomicInteger();
    private volatile boolean running = true;

    private LoadBenchmark(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    static boolean run(PrintStream out) throws Exception {
        Path work = Files.createTempDirectory("rebound-bench-load");
        DatabaseSettings database = DatabaseSettings.embedded(work.resolve("data"));
        String adminPassword = "bench-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        ConfigurableApplicationContext server = new SpringApplicationBuilder(ReboundServer.class)
                .bannerMode(Banner.Mode.OFF)
                .properties(Map.ofEntries(
                        Map.entry("server.port", 0),
                        Map.entry("server.address", "127.0.0.1"),
                        Map.entry("spring.datasource.url", database.url()),
                        Map.entry("spring.datasource.username", database.user()),
                        Map.entry("spring.datasource.password", database.password()),
                        Map.entry("rebound.demo", true),
                        Map.entry("rebound.admin-password", adminPassword),
                        Map.entry("rebound.tick-interval", TICK_EVERY.toSeconds() + "s"),
                        Map.entry("management.metrics.distribution.percentiles.http.server.requests", "0.5,0.99"),
                        Map.entry("management.metrics.distribution.expiry.http.server.requests", "10m"),
                        Map.entry("logging.level.org.rebound", "WARN")))
                .run();
        try {
            int port = server.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            return new LoadBenchmark(port).measure(server, out);
        } finally {
            server.close();
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private boolean measure(ConfigurableApplicationContext server, PrintStream out) throws Exception {
        List<User> crowd = createAndLogIn(server);
        List<String> sessions = crowd.stream().map(User::session).toList();

        Samples idle = new Samples(400);
        String alone = sessions.get(0);
        for (int i = 0; i < 100; i++) {
            fetch(alone, "/", null);
        }
        for (int i = 0; i < 200; i++) {
            long begin = System.nanoTime();
            fetch(alone, i % 2 == 0 ? "/" : UPDATE, null);
            idle.add(System.nanoTime() - begin);
        }

        List<Flow.Subscription> streams = new ArrayList<>();
        ScheduledExecutorService users = Executors.newScheduledThreadPool(4);
        for (User user : crowd) {
            streams.add(openStream(user, users));
        }
        for (String session : sessions) {
            long pollOffset = ThreadLocalRandom.current().nextLong(POLL_EVERY.toMillis());
            users.scheduleAtFixedRate(() -> fetchAsync(session, UPDATE, updateNanos), pollOffset, POLL_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
            long reloadOffset = ThreadLocalRandom.current().nextLong(RELOAD_EVERY.toMillis());
            users.scheduleAtFixedRate(() -> {
                fetchAsync(session, "/", pageNanos);
                fetchAsync(session, DEADLINES, deadlineNanos);
            }, reloadOffset, RELOAD_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
        String token = server.getBean(ApiTokens.class)
                .issue("admin", "load benchmark", ApiTokens.WRITE, Duration.ofHours(1)).value();
        AtomicInteger changes = new AtomicInteger();
        users.scheduleAtFixedRate(() -> changeState(token, changes.getAndIncrement()), STATE_CHANGE_EVERY.toMillis(),
                STATE_CHANGE_EVERY.toMillis(), TimeUnit.MILLISECONDS);

        Thread.sleep(RUN.toMillis());
        running = false;
        users.shutdownNow();
        int streamsOpenAtEnd = openStreams.get();
        streams.forEach(Flow.Subscription::cancel);
        Thread.sleep(2_000);

        Samples pages = samples(pageNanos);
        Samples fragments = samples(updateNanos);
        Samples deadlines = samples(deadlineNanos);
        List<Long> all = new ArrayList<>();
        synchronized (this) {
            all.addAll(pageNanos);
            all.addAll(updateNanos);
            all.addAll(deadlineNanos);
        }
        Samples loaded = samples(all);
        double p99 = loaded.percentileMillis(99);
        out.printf(Locale.ROOT, "Command center under load: %d users logged in, each with the live stream open, fetching the dashboard's"
                + " changing parts on every event and every %d s, reloading the page every %d s; a state change every %d s; %d s on loopback%n",
                USERS, POLL_EVERY.toSeconds(), RELOAD_EVERY.toSeconds(), STATE_CHANGE_EVERY.toSeconds(), RUN.toSeconds());
        out.printf(Locale.ROOT, "  one user alone (baseline): %s%n", idle.describe());
        out.printf(Locale.ROOT, "  whole dashboard page under load:      %s%n", pages.describe());
        out.printf(Locale.ROOT, "  dashboard updates (events and polls): %s%n", fragments.describe());
        out.printf(Locale.ROOT, "  deadline panel (per viewer):          %s%n", deadlines.describe());
        out.printf(Locale.ROOT, "  all dashboard requests: %,d in %d s (%.0f/s), p99 %.1f ms = %.1fx the baseline p99   target: p99 < %.0f ms%n",
                all.size(), RUN.toSeconds(), all.size() / (double) RUN.toSeconds(), p99, p99 / idle.percentileMillis(99),
                TARGET_P99_MILLIS);
        for (String uri : List.of("/", UPDATE, DEADLINES)) {
            Timer timer = server.getBean(MeterRegistry.class).find("http.server.requests").tag("uri", uri).timer();
            if (timer != null) {
                ValueAtPercentile[] percentiles = timer.takeSnapshot().percentileValues();
                out.printf(Locale.ROOT, "  inside the server, %s: median %.1f ms, p99 %.1f ms (the rest is waiting for a core and the client)%n",
                        uri, percentiles[0].value(TimeUnit.MILLISECONDS), percentiles[1].value(TimeUnit.MILLISECONDS));
            }
        }
        out.printf(Locale.ROOT, "  errors: %d%s; live streams still open at the end: %d of %d; state changes: %d   target: no errors%n",
                errors.get(), errorExamples.isEmpty() ? "" : " " + errorExamples, streamsOpenAtEnd, USERS, changes.get());
        return p99 < TARGET_P99_MILLIS && errors.get() == 0 && streamsOpenAtEnd == USERS;
    }

    /** A logged-in user, and how long their dashboard page waits after an event before asking for the update. */
    private record User(String session, long updateDelayMillis) {
    }

    /** Accounts for the crowd, in the roles that read the dashboard without a second factor. */
    private List<User> createAndLogIn(ConfigurableApplicationContext server) throws Exception {
        UserStore accounts = server.getBean(UserStore.class);
        String password = "load-bench-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        String hash = server.getBean(PasswordEncoder.class).encode(password);
        List<Role> roles = List.of(Role.RESPONDER, Role.FORENSICS, Role.DPO_LEGAL, Role.BUSINESS_OWNER, Role.EXECUTIVE);
        List<User> sessions = new ArrayList<>();
        IncidentStore incidents = server.getBean(IncidentStore.class);
        long demoIncident = incidents.all().get(0).id();
        for (int i = 0; i < USERS; i++) {
            String username = "user" + i;
            accounts.create(username, hash, Set.of(roles.get(i % roles.size())), Instant.now());
            // the incident team: each sees the incident's notification deadlines on the dashboard
            incidents.addMember(demoIncident, username, Instant.now(), "admin");
            sessions.add(logIn(username, password));
        }
        return sessions;
    }

    private User logIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new IllegalStateException("the login page has no CSRF token");
        }
        String body = Map.of("username", username, "password", password, "_csrf", csrf.group(1)).entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> loggedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Cookie", "JSESSIONID=" + session(form))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (loggedIn.statusCode() != 302 || loggedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login of " + username + " failed: " + loggedIn.statusCode() + " "
                    + loggedIn.headers().firstValue("Location").orElse(""));
        }
        String session = session(loggedIn);
        Matcher delay = UPDATE_DELAY.matcher(fetch(session, "/", null));
        if (!delay.find()) {
            throw new IllegalStateException("the dashboard page no longer says how long to wait before an update");
        }
        return new User(session, Long.parseLong(delay.group(1)));
    }

    private static String session(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(SESSION::matcher).filter(Matcher::find).map(matcher -> matcher.group(1))
                .findFirst().orElseThrow(() -> new IllegalStateException("no session cookie from " + response.uri()));
    }

    private HttpRequest dashboardRequest(String session, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", "JSESSIONID=" + session)
                .header("Accept", "text/html").timeout(Duration.ofSeconds(30)).GET().build();
    }

    private String fetch(String session, String path, List<Long> latencies) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        HttpResponse<String> response = client.send(dashboardRequest(session, path), HttpResponse.BodyHandlers.ofString());
        check(path, response);
        record(latencies, System.nanoTime() - begin);
        return response.body();
    }

    private void fetchAsync(String session, String path, List<Long> latencies) {
        if (!running) {
            return;
        }
        long begin = System.nanoTime();
        client.sendAsync(dashboardRequest(session, path), HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, failure) -> {
                    if (failure != null) {
                        error(path + ": " + failure.getClass().getSimpleName());
                        return;
                    }
                    if (check(path, response)) {
                        record(latencies, System.nanoTime() - begin);
                    }
                });
    }

    private boolean check(String path, HttpResponse<String> response) {
        String expected = switch (path) {
            case UPDATE -> "hx-swap-oob=\"true\"";
            case DEADLINES -> "Notification deadlines";
            default -> "id=\"processes\"";
        };
        boolean dashboard = response.statusCode() == 200 && response.body().contains(expected);
        if (!dashboard) {
            error(path + ": " + response.statusCode());
        }
        return dashboard;
    }

    private void error(String example) {
        errors.incrementAndGet();
        errorExamples.computeIfAbsent(example, key -> new AtomicLong()).incrementAndGet();
    }

    private void record(List<Long> latencies, long nanos) {
        if (latencies != null) {
            synchronized (this) {
                latencies.add(nanos);
            }
        }
    }

    private Samples samples(List<Long> nanos) {
        synchronized (this) {
            Samples samples = new Samples(nanos.size());
            nanos.forEach(samples::add);
            return samples;
        }
    }

    /** Opens the dashboard's event stream and, after the page's delay, fetches the update on each event, as the page does. */
    private Flow.Subscription openStream(User user, ScheduledExecutorService timer) throws Exception {
        String session = user.session();
        CompletableFuture<Flow.Subscription> subscribed = new CompletableFuture<>();
        Flow.Subscriber<String> lines = new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                openStreams.incrementAndGet();
                subscribed.complete(subscription);
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
                String event = line.startsWith("event:") ? line.substring("event:".length()).trim() : "";
                if (UPDATE_EVENTS.contains(event)) {
                    timer.schedule(() -> fetchAsync(session, UPDATE, updateNanos), user.updateDelayMillis(), TimeUnit.MILLISECONDS);
                } else if (event.equals("alert")) {
                    timer.schedule(() -> fetchAsync(session, DEADLINES, deadlineNanos), user.updateDelayMillis(), TimeUnit.MILLISECONDS);
                }
            }

            @Override
            public void onError(Throwable failure) {
                openStreams.decrementAndGet();
                if (running) {
                    error("stream: " + failure.getClass().getSimpleName());
                }
            }

            @Override
            public void onComplete() {
                openStreams.decrementAndGet();
                if (running) {
                    error("stream ended early");
                }
            }
        };
        client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/dashboard/stream"))
                        .header("Cookie", "JSESSIONID=" + session).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.fromLineSubscriber(lines))
                .whenComplete((response, failure) -> {
                    if (failure == null && response.statusCode() != 200) {
                        error("stream: " + response.statusCode());
                    }
                });
        return subscribed.get(30, TimeUnit.SECONDS);
    }

    /** A recovery lead's work: the primary virtualisation cluster goes back and forth between restored and compromised. */
    private void changeState(String token, int n) {
        String state = n % 2 == 0 ? "restored" : "compromised";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/systems/vmware-primary/state"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"state\": \"" + state + "\", \"reason\": \"load benchmark step " + n + "\"}"))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                error("state change: " + response.statusCode());
            }
        } catch (IOException failed) {
            error("state change: " + failed.getClass().getSimpleName());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }
}
