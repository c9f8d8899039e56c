package org.rebound.cli;

import java.util.concurrent.Callable;
import org.rebound.security.AdminAccount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "reset-admin", mixinStandardHelpOptions = true,
        description = "Give the administrator account a new random password and print it once (the server must be stopped).")
public final class ResetAdminCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private StorageOptions storage;

    @Override
    public Integer call() {
        try (CliStorage store = CliStorage.open(storage)) {
            String password = store.adminAccount().resetPassword(System.getProperty("user.name", "cli"));
            spec.commandLine().getOut().println(AdminAccount.notice("reset the administrator password", password));
        }
        return ExitCodes.OK;
    }
}
