package org.netverks.platform;

/**
 * Ends a command with one line for the operator and no stack trace: a {@link #usage} problem
 * (exit 2, the command's usage follows) or a {@link #failure} (exit 1), whose message names the
 * setting or the step that fixes it.
 */
public final class CommandException extends RuntimeException {

    private final int exitCode;

    private CommandException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The arguments cannot be right: exit code 2. */
    public static CommandException usage(String message) {
        return new CommandException(2, message, null);
    }

    /** The command could not do its work: exit code 1. */
    public static CommandException failure(String message) {
        return new CommandException(1, message, null);
    }

    public static CommandException failure(String message, Throwable cause) {
        return new CommandException(1, message, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}
