package dev.scangate.local.commands;

import dev.scangate.local.commands.progress.Terminal;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how a command talks to the user, and how it waits.
 *
 * @param interactive draw progress bars and rewrite status lines (a terminal), else plain lines
 * @param pollInterval pause between DescribeExecution calls while waiting for a run
 */
public record Console(PrintStream out, boolean interactive, Duration pollInterval, Clock clock, Sleeper sleeper) {

    /** Pauses between polls; tests pass one that returns at once. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration);
    }

    public Console {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Printing to {@code out}, interactive when the process has a terminal, polling every second. */
    public static Console create(PrintStream out) {
        return new Console(out, Terminal.isInteractive(), Duration.ofSeconds(1), Clock.systemUTC(), Console::sleepFor);
    }

    public Console withInteractive(boolean value) {
        return new Console(out, value, pollInterval, clock, sleeper);
    }

    public Console withPollInterval(Duration value) {
        return new Console(out, interactive, value, clock, sleeper);
    }

    private static void sleepFor(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("Interrupted while waiting for the run", e);
        }
    }
}
