package org.rebound.cli;

import picocli.CommandLine.Command;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {
                "Start the server with the Albion Motors demo: a car maker two days into a ransomware attack.",
                "The demo is loaded only into a database that holds no model yet."})
public final class DemoCommand extends ServerCommand {

    public DemoCommand() {
        super(true);
    }
}
