package org.rebound.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of a command that changes an incident as one of its members: where the data is, which incident, who. */
final class ActingMember {

    @Mixin
    StorageOptions storage;

    @Option(names = "--incident", required = true, description = "the incident's number")
    long incident;

    @Option(names = "--as", required = true, paramLabel = "USER",
            description = "the Rebound account doing this: a member of the incident allowed to do it; the audit log names it")
    String username;
}
