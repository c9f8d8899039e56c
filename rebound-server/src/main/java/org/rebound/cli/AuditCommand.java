package org.rebound.cli;

import java.util.concurrent.Callable;
import org.rebound.audit.AuditLog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "Work with the tamper-evident audit log.",
        subcommands = AuditCommand.Verify.class)
public final class AuditCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: rebound audit verify");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Recompute the audit log's hash chain and report the first entry that was changed, removed or reordered.")
    static final class Verify implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private StorageOptions storage;

        @Override
        public Integer call() {
            AuditLog.Verification verification;
            try (CliStorage store = CliStorage.open(storage)) {
                verification = store.auditLog().verify();
            }
            if (verification.intact()) {
                spec.commandLine().getOut().println("audit log intact: " + verification.entries() + (verification.entries() == 1 ? " entry" : " entries")
                        + ", head " + verification.head());
                return ExitCodes.OK;
            }
            spec.commandLine().getErr().println("audit log broken at entry " + verification.firstBroken() + ": " + verification.problem()
                    + " (" + verification.entries() + " entries read)");
            return ExitCodes.INVALID_INPUT;
        }
    }
}
