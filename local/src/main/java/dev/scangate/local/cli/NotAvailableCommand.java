package dev.scangate.local.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** A command that is planned but not in this build: it says so and fails, whatever the arguments. */
@Command(name = "not-available")
final class NotAvailableCommand implements Callable<Integer> {

    private final String name;

    @Unmatched
    List<String> arguments = new ArrayList<>();

    NotAvailableCommand(String name) {
        this.name = name;
    }

    @Override
    public Integer call() {
        throw new CommandNotAvailableException("'scangate " + name + "' is not available yet in this build");
    }

    /** Reported like any other error: one line, non-zero exit. */
    static final class CommandNotAvailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CommandNotAvailableException(String message) {
            super(message);
        }
    }
}
