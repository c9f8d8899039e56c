package org.rebound.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.rebound.security.AdminAccount;
import org.rebound.server.ReboundServer;
import org.rebound.server.StartupReport;
import org.rebound.storage.DatabaseSettings;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/** Starts the Spring server for {@code serve} and {@code demo}, prints where to log in, and waits until it stops. */
final class ServerLauncher {

    private ServerLauncher() {
    }

    static int run(StorageOptions storage, ServerOptions server, boolean demo, PrintWriter out) throws InterruptedException {
        DatabaseSettings database = storage.settings();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", server.port);
        properties.put("server.address", server.bind);
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", database.user());
        properties.put("spring.datasource.password", database.password());
        properties.put("rebound.demo", demo);
        properties.put("rebound.evidence-dir", storage.dataDir.resolve("evidence").toAbsolutePath().toString());
        properties.put("rebound.breach-key-file", storage.dataDir.resolve("breach-register.key").toAbsolutePath().toString());
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(ReboundServer.class)
                    .bannerMode(Banner.Mode.OFF)
                    .properties(properties)
                    .run();
        } catch (RuntimeException failed) {
            throw new IllegalStateException(explain(failed, storage, server), failed);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                stopped.countDown();
            }
        });
        String host = server.bind.equals("0.0.0.0") || server.bind.equals("127.0.0.1") ? "localhost" : server.bind;
        out.println();
        context.getBean(StartupReport.class).generatedAdminPassword()
                .ifPresentOrElse(
                        password -> out.println(AdminAccount.notice("created the administrator account", password)
                                + "\nAt the first login you will set up two-factor authentication with an authenticator app."),
                        () -> out.println("Log in as " + AdminAccount.USERNAME + " with the password printed when this data was"
                                + " first used (forgotten? stop Rebound and run: ./rebound reset-admin"
                                + (storage.dbUrl == null ? " --data " + storage.dataDir : "") + ")."));
        out.println("Rebound is running at http://" + host + ":" + server.port + "/  (data: " + storage.describe()
                + "; stop with Ctrl+C)");
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }

    /** Turns the usual reasons a server cannot start into advice. */
    private static String explain(RuntimeException failed, StorageOptions storage, ServerOptions server) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause.getClass().getSimpleName().equals("PortInUseException")) {
                return "port " + server.port + " is in use by another program; choose another with --port";
            }
            if (message.contains("already in use") || message.contains("Locked by another process")) {
                return "the database in " + storage.describe() + " is in use by another Rebound; stop it or use another --data";
            }
        }
        return "the server did not start: " + failed.getMessage();
    }
}
