package org.rebound.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.rebound.model.application.ImportOutcome;
import org.rebound.model.io.ModelLoad;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Validate a model file and store it as the current model. An invalid file changes nothing.")
public final class ImportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelFileOptions model;

    @Mixin
    private StorageOptions storage;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ModelLoad load = model.read(spec.commandLine().getErr());
        if (load instanceof ModelLoad.Rejected) {
            spec.commandLine().getErr().println("nothing was imported");
            return ExitCodes.INVALID_INPUT;
        }
        try (CliStorage store = CliStorage.open(storage)) {
            ImportOutcome outcome = store.imports().importModel(load, model.text(), model.source(),
                    System.getProperty("user.name", "cli"));
            if (outcome instanceof ImportOutcome.Imported imported) {
                out.println("imported " + model.file + " as model version " + imported.model().version() + " into "
                        + storage.describe() + " (" + ValidateCommand.summary(((ModelLoad.Loaded) load).enterprise()) + ")");
            } else if (outcome instanceof ImportOutcome.Unchanged unchanged) {
                out.println(model.file + " is identical to model version " + unchanged.model().version() + "; nothing to import");
            }
        }
        return ExitCodes.OK;
    }
}
