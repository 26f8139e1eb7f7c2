package dev.scangate.lambdas.core.run;

import java.util.function.LongSupplier;

/**
 * How long the current invocation may keep starting work. Chunked steps stop starting new
 * batches once less than the reserve is left, and report where they stopped.
 */
public final class Deadline {

    private static final long RESERVE_MILLIS = 60_000;

    private final LongSupplier remainingMillis;

    private Deadline(LongSupplier remainingMillis) {
        this.remainingMillis = remainingMillis;
    }

    /** Remaining time as reported by the Lambda runtime. */
    public static Deadline remaining(LongSupplier remainingMillis) {
        return new Deadline(remainingMillis);
    }

    /** No time limit (local runs, tests). */
    public static Deadline none() {
        return new Deadline(() -> Long.MAX_VALUE);
    }

    public boolean nearlyUp() {
        return remainingMillis.getAsLong() < RESERVE_MILLIS;
    }
}
