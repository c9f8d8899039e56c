package org.rebound.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the Rebound server on the embedded database (or PostgreSQL with --db-url).")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private StorageOptions storage;

    @Mixin
    private ServerOptions server;

    @Override
    public Integer call() throws InterruptedException {
        return ServerLauncher.run(storage, server, false, spec.commandLine().getOut());
    }
}
