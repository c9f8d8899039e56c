package org.rebound.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rebound.incident.application.IncidentOutcome;
import org.rebound.incident.application.Incidents;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "ioc", mixinStandardHelpOptions = true, description = "Work with an incident's observables (indicators of compromise).",
        subcommands = IocCommand.Import.class)
public final class IocCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: rebound ioc import --incident ID --as USER FILE");
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Add the observables in FILE (one per line; types detected or written first, e.g. account:svc_backup;"
                    + " defanged values welcome) to an incident, as a member who may write to it.",
                    "All or nothing: a line that is not an observable is reported with its number and nothing is added."})
    static final class Import implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private ActingMember member;

        @Option(names = "--tlp", defaultValue = "amber", description = "marking: clear, green, amber, amber-strict or red (default: ${DEFAULT-VALUE})")
        private String tlp;

        @Option(names = "--sighted", description = "seen in our own estate, not only reported")
        private boolean sighted;

        @Option(names = "--not-ioc", description = "observables only, not indicators of compromise")
        private boolean notIoc;

        @Option(names = "--tag", description = "a tag for every observable; repeat for several")
        private List<String> tags = List.of();

        @Parameters(paramLabel = "FILE", description = "the observables, one per line (UTF-8)")
        private Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException unreadable) {
                err.println(file + ": cannot read: " + unreadable.getMessage());
                return ExitCodes.INVALID_INPUT;
            }
            try (CliStorage store = CliStorage.open(member.storage)) {
                var caller = store.caller(member.username, err);
                if (caller.isEmpty()) {
                    return ExitCodes.INVALID_INPUT;
                }
                IncidentOutcome<Incidents.Added> outcome = store.incidents().addObservables(member.incident,
                        new Incidents.Paste(text, !notIoc, sighted, tlp, tags), caller.get());
                if (outcome instanceof IncidentOutcome.Done<Incidents.Added> done) {
                    out.println(file + ": " + done.value().added() + " added to incident " + member.incident + ", "
                            + done.value().alreadyKnown() + " already recorded (marked seen again), "
                            + done.value().repeats() + " repeated in the file");
                    return ExitCodes.OK;
                }
                return Refusals.report(outcome, file, member.username, member.incident, "add observables to", "added", err);
            }
        }
    }
}
