package org.rebound.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.rebound.model.application.ModelExport;
import org.rebound.model.persistence.ModelStore.StoredModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the current model as a YAML model file (as imported, comments kept); importing it gives back the same model.")
public final class ExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private StorageOptions storage;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    private @Nullable Path out;

    @Override
    public Integer call() throws IOException {
        StoredModel model;
        try (CliStorage store = CliStorage.open(storage)) {
            var current = store.models().current();
            if (current.isEmpty()) {
                spec.commandLine().getErr().println("rebound: " + storage.describe() + " holds no model yet; import one first");
                return ExitCodes.INVALID_INPUT;
            }
            model = current.get();
        }
        String header = "# " + model.enterprise() + ", model version " + model.version() + ", imported "
                + model.importedAt() + " by " + model.importedBy() + " from " + model.source() + "\n";
        if (out == null) {
            spec.commandLine().getOut().print(header + ModelExport.yaml(model));
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(out, header + ModelExport.yaml(model), StandardCharsets.UTF_8);
            spec.commandLine().getOut().println("wrote model version " + model.version() + " to " + out);
        }
        return ExitCodes.OK;
    }
}
