package org.rebound.cli;

import picocli.CommandLine.Command;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the Rebound server on the embedded database (or PostgreSQL with --db-url).")
public final class ServeCommand extends ServerCommand {

    public ServeCommand() {
        super(false);
    }
}
