package org.rebound.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.rebound.incident.application.IncidentOutcome;
import org.rebound.intel.StixExport;
import org.rebound.intel.IntelSharing;
import org.rebound.intel.StixValidator;
import org.rebound.model.io.ModelLoad;
import org.rebound.model.io.ModelReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "stix", mixinStandardHelpOptions = true, description = "Share incidents as STIX 2.1 and check STIX bundles.",
        subcommands = {StixCommand.Validate.class, StixCommand.Export.class, StixCommand.Import.class})
public final class StixCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: rebound stix validate FILE, or rebound stix export INCIDENT");
    }

    /** The JSON in a file, or empty with the reason printed: unreadable, or not JSON (with line and column). */
    static Optional<JsonNode> readJson(Path file, PrintWriter err) {
        try {
            return Optional.of(JsonMapper.builder().build().readTree(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException unreadable) {
            err.println(file + ": cannot read: " + unreadable.getMessage());
        } catch (JacksonException malformed) {
            err.println(file + ": not JSON: " + malformed.getOriginalMessage() + " (line " + malformed.getLocation().getLineNr()
                    + ", column " + malformed.getLocation().getColumnNr() + ")");
        }
        return Optional.empty();
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check a STIX 2.1 bundle against the OASIS JSON schemas and the rules a schema cannot express"
                    + " (pattern syntax, ids that start with their type, modified not before created).",
                    "Exit 0 when valid; 2 when not, with each problem listed."})
    static final class Validate implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "the bundle (JSON)")
        private Path file;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Optional<JsonNode> read = readJson(file, err);
            if (read.isEmpty()) {
                return ExitCodes.INVALID_INPUT;
            }
            JsonNode bundle = read.get();
            List<StixValidator.Problem> problems = StixValidator.load().validate(bundle);
            if (problems.isEmpty()) {
                int objects = bundle.path("objects").size();
                spec.commandLine().getOut().println(file + ": valid STIX 2.1 bundle, " + objects + (objects == 1 ? " object" : " objects"));
                return ExitCodes.OK;
            }
            problems.forEach(problem -> err.println(file + ": " + problem));
            err.println(file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
            return ExitCodes.INVALID_INPUT;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write an incident as a STIX 2.1 bundle, as a member who may read it (checked against the schemas before it is written).")
    static final class Export implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private StorageOptions storage;

        @Parameters(paramLabel = "INCIDENT", description = "the incident's number")
        private long incident;

        @Option(names = "--as", required = true, paramLabel = "USER", description = "the Rebound account reading the incident: a member")
        private String username;

        @Option(names = "--out", paramLabel = "FILE", description = "where to write the bundle (default: standard output)")
        private @Nullable Path out;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            try (CliStorage store = CliStorage.open(storage)) {
                var caller = store.caller(username, err);
                if (caller.isEmpty()) {
                    return ExitCodes.INVALID_INPUT;
                }
                String organisation = store.models().current()
                        .map(model -> ModelReader.read("model", model.document()))
                        .filter(ModelLoad.Loaded.class::isInstance)
                        .map(loaded -> ((ModelLoad.Loaded) loaded).enterprise().name())
                        .orElse("Rebound");
                IncidentOutcome<StixExport.Result> outcome = new IntelSharing(store.incidents(), () -> organisation, java.time.Clock.systemUTC())
                        .export(incident, caller.get());
                if (!(outcome instanceof IncidentOutcome.Done<StixExport.Result> done)) {
                    err.println("no incident " + incident + " that " + username + " may read");
                    return ExitCodes.INVALID_INPUT;
                }
                List<StixValidator.Problem> problems = StixValidator.load().validate(done.value().bundle());
                if (!problems.isEmpty()) {
                    problems.forEach(problem -> err.println("export of incident " + incident + ": " + problem));
                    return ExitCodes.COULD_NOT_RUN;
                }
                String text = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                        .writeValueAsString(done.value().bundle());
                if (out == null) {
                    spec.commandLine().getOut().println(text);
                } else {
                    Files.writeString(out, text + "\n", StandardCharsets.UTF_8);
                    spec.commandLine().getOut().println("wrote incident " + incident + " to " + out + ": "
                            + done.value().bundle().path("objects").size() + " objects"
                            + (done.value().omitted() > 0 ? ", " + done.value().omitted() + " observables without a STIX form left out" : ""));
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Add the observables of a STIX 2.1 or 2.0 bundle to an incident, as a member who may write to it:"
                    + " the values indicators test for as IOCs, cyber-observable objects as observables, each with its TLP marking.",
                    "All or nothing: an invalid bundle is refused with every problem listed."})
    static final class Import implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private StorageOptions storage;

        @Parameters(index = "0", paramLabel = "INCIDENT", description = "the incident's number")
        private long incident;

        @Parameters(index = "1", paramLabel = "FILE", description = "the bundle (JSON)")
        private Path file;

        @Option(names = "--as", required = true, paramLabel = "USER", description = "the Rebound account adding them: a member who may write")
        private String username;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Optional<JsonNode> bundle = readJson(file, err);
            if (bundle.isEmpty()) {
                return ExitCodes.INVALID_INPUT;
            }
            try (CliStorage store = CliStorage.open(storage)) {
                var caller = store.caller(username, err);
                if (caller.isEmpty()) {
                    return ExitCodes.INVALID_INPUT;
                }
                IncidentOutcome<IntelSharing.Imported> outcome = new IntelSharing(store.incidents(), () -> "Rebound", java.time.Clock.systemUTC())
                        .importBundle(incident, bundle.get(), caller.get());
                if (outcome instanceof IncidentOutcome.Done<IntelSharing.Imported> done) {
                    done.value().skipped().forEach(skipped -> err.println(file + ": skipped " + skipped));
                    spec.commandLine().getOut().println(file + ": " + done.value().added().added() + " added to incident " + incident + ", "
                            + done.value().added().alreadyKnown() + " already recorded, " + done.value().skipped().size() + " skipped");
                    return ExitCodes.OK;
                }
                if (outcome instanceof IncidentOutcome.Rejected<IntelSharing.Imported> rejected) {
                    rejected.problems().forEach(problem -> err.println(file + ": " + problem.message()));
                    err.println("nothing was added");
                } else {
                    err.println("no incident " + incident + " that " + username + " may add observables to");
                }
                return ExitCodes.INVALID_INPUT;
            }
        }
    }
}
