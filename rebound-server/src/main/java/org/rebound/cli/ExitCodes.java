package org.rebound.cli;

/** The exit codes of every {@code rebound} command. */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int USAGE = 1;
    public static final int INVALID_INPUT = 2;
    public static final int COULD_NOT_RUN = 3;

    private ExitCodes() {
    }
}
