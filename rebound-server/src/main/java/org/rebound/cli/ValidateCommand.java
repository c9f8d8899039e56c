package org.rebound.cli;

import java.util.concurrent.Callable;
import org.rebound.model.Enterprise;
import org.rebound.model.io.ModelLoad;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check an enterprise model file and print every problem with its file, line and field.")
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelFileOptions model;

    @Override
    public Integer call() {
        ModelLoad load = model.read(spec.commandLine().getErr());
        if (!(load instanceof ModelLoad.Loaded loaded)) {
            return ExitCodes.INVALID_INPUT;
        }
        spec.commandLine().getOut().println(model.file + ": valid, " + summary(loaded.enterprise()));
        return ExitCodes.OK;
    }

    static String summary(Enterprise enterprise) {
        return enterprise.name() + ": " + enterprise.sites().size() + " sites, " + enterprise.teams().size() + " teams, "
                + enterprise.systems().size() + " systems, " + enterprise.processes().size() + " processes, "
                + enterprise.backlogs().size() + " backlogs, " + enterprise.scenarios().size() + " scenarios";
    }
}
