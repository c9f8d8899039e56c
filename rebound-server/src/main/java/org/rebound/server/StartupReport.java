package org.rebound.server;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What happened at start-up that the launcher must tell the person who started Rebound. */
public final class StartupReport {

    private volatile @Nullable String generatedAdminPassword;

    void adminPasswordGenerated(String password) {
        this.generatedAdminPassword = password;
    }

    /** The administrator password generated at this start, to print once. */
    public Optional<String> generatedAdminPassword() {
        return Optional.ofNullable(generatedAdminPassword);
    }
}
