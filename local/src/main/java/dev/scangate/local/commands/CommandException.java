package dev.scangate.local.commands;

/**
 * A command could not do what it was asked. The message is one line meant for the user; the CLI
 * prints it (without a stack trace) and exits with {@link #exitCode()}.
 */
public class CommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Exit code for a command that failed. */
    public static final int FAILED = 1;

    private final int exitCode;

    public CommandException(String message) {
        this(message, null);
    }

    public CommandException(String message, Throwable cause) {
        super(message, cause);
        this.exitCode = FAILED;
    }

    public int exitCode() {
        return exitCode;
    }
}
