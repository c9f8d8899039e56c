package org.rebound.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {
                "Start the server with the Albion Motors demo: a car maker two days into a ransomware attack.",
                "The demo is loaded only into a database that holds no model yet."})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private StorageOptions storage;

    @Mixin
    private ServerOptions server;

    @Override
    public Integer call() throws InterruptedException {
        return ServerLauncher.run(storage, server, true, spec.commandLine().getOut());
    }
}
