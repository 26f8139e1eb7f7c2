package dev.scangate.local.commands;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Makes and checks run ids. A run id doubles as the execution name, so it must satisfy both the
 * pipeline's rule ({@code [A-Za-z0-9._-]{1,80}}) and Step Functions' name rules.
 */
public final class RunIds {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,80}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final RandomGenerator random;

    public RunIds(Clock clock, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    public static RunIds create() {
        return new RunIds(Clock.systemUTC(), new java.security.SecureRandom());
    }

    /** {@code run-<yyyyMMdd-HHmmss>-<4 hex>}, UTC, so ids sort by start time. */
    public String next() {
        return "run-" + STAMP.format(clock.instant()) + "-" + String.format("%04x", random.nextInt(0x10000));
    }

    /** Answers the id when valid, else throws a {@link CommandException} naming the rule. */
    public static String requireValid(String runId) {
        if (runId == null || !VALID.matcher(runId).matches()) {
            throw new CommandException("Invalid run id '" + runId
                    + "': use 1 to 80 letters, digits, '.', '_' or '-'");
        }
        return runId;
    }
}
