package org.rebound.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What {@code serve} and {@code demo} share: where the data is, where to listen, and running until stopped. */
abstract class ServerCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private StorageOptions storage;

    @Mixin
    private ServerOptions server;

    private final boolean demo;

    ServerCommand(boolean demo) {
        this.demo = demo;
    }

    @Override
    public Integer call() throws InterruptedException {
        return ServerLauncher.run(storage, server, demo, spec.commandLine().getOut());
    }
}
