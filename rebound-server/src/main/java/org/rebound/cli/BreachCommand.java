package org.rebound.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rebound.breach.RegisterFiles;
import org.rebound.breach.persistence.BreachStore.Register;
import org.rebound.incident.application.IncidentOutcome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "breach", mixinStandardHelpOptions = true, description = "Work with an incident's affected-people registers.",
        subcommands = BreachCommand.Import.class)
public final class BreachCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "say what to do: rebound breach import --incident ID --as USER DIR");
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import what rebound scan wrote in DIR (affected-people.json, and scan-summary.json when present) into an"
                    + " incident, as a DPO/legal or incident-commander member. The people are sealed in the database; all or nothing."})
    static final class Import implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private ActingMember member;

        @Option(names = "--note", defaultValue = "", description = "what was scanned, e.g. 'CRM share exfiltrated on 2 September'")
        private String note;

        @Parameters(paramLabel = "DIR", description = "the --out folder of rebound scan")
        private Path directory;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path register = directory.resolve(RegisterFiles.JSON);
            if (!Files.isRegularFile(register)) {
                err.println(register + ": no register here (run rebound scan PATH --out " + directory + " first)");
                return ExitCodes.INVALID_INPUT;
            }
            Path summary = directory.resolve(RegisterFiles.SUMMARY);
            try (CliStorage store = CliStorage.open(member.storage)) {
                var caller = store.caller(member.username, err);
                if (caller.isEmpty()) {
                    return ExitCodes.INVALID_INPUT;
                }
                IncidentOutcome<Register> outcome = store.breachRegisters().importRegister(member.incident, register,
                        Files.isRegularFile(summary) ? summary : null, note, caller.get());
                if (outcome instanceof IncidentOutcome.Done<Register> done) {
                    out.println(register + ": " + done.value().people() + " affected people imported into incident " + member.incident
                            + " as register " + done.value().id());
                    return ExitCodes.OK;
                }
                return Refusals.report(outcome, register, member.username, member.incident, "import into", "imported", err);
            }
        }
    }
}
