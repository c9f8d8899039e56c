package org.rebound;

import java.io.PrintWriter;
import org.rebound.cli.AuditCommand;
import org.rebound.cli.BreachCommand;
import org.rebound.cli.DemoCommand;
import org.rebound.cli.ExitCodes;
import org.rebound.cli.ExportCommand;
import org.rebound.cli.GenerateCommand;
import org.rebound.cli.ImpactCommand;
import org.rebound.cli.ImportCommand;
import org.rebound.cli.IocCommand;
import org.rebound.cli.ObligationsCommand;
import org.rebound.cli.PlanCommand;
import org.rebound.cli.PsplibCommand;
import org.rebound.cli.ResetAdminCommand;
import org.rebound.cli.ScanCommand;
import org.rebound.cli.StixCommand;
import org.rebound.cli.TabletopCommand;
import org.rebound.cli.ServeCommand;
import org.rebound.cli.ValidateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code rebound} command. Only {@code serve} and {@code demo} start the Spring server; the other
 * commands run on the plain core so that they answer in about a second.
 */
@Command(
        name = "rebound",
        mixinStandardHelpOptions = true,
        versionProvider = Rebound.Version.class,
        description = "Cyber-incident recovery command center for manufacturers.",
        subcommands = {
                DemoCommand.class, ServeCommand.class, ValidateCommand.class, ImportCommand.class, ExportCommand.class,
                ImpactCommand.class, PlanCommand.class, PsplibCommand.class, GenerateCommand.class, AuditCommand.class,
                IocCommand.class, StixCommand.class, ScanCommand.class, BreachCommand.class, ObligationsCommand.class,
                TabletopCommand.class, ResetAdminCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done",
                "1:usage error (unknown command or option, missing argument)",
                "2:invalid input (the errors are printed on standard error)",
                "3:could not run (for example the database is in use or unreachable)"})
public final class Rebound implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(execute(out, err, args));
    }

    /** Runs one command line, writing to {@code out} and {@code err}, and returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Rebound());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((problem, arguments) -> {
            CommandLine command = problem.getCommandLine();
            command.getErr().println("rebound: " + problem.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(problem, command.getErr());
            command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((failure, command, parsed) -> {
            command.getErr().println("rebound: " + failure.getMessage());
            return ExitCodes.COULD_NOT_RUN;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Rebound.class.getPackage().getImplementationVersion();
            return new String[] {"rebound " + (version == null ? "(development build)" : version)};
        }
    }
}
