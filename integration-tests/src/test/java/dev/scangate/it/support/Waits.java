package dev.scangate.it.support;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Polls for something the pipeline does asynchronously. The bound only keeps a broken build from
 * hanging; no test asserts on how long anything took.
 */
public final class Waits {

    public static final Duration DEFAULT = Duration.ofSeconds(90);

    private Waits() {
    }

    /** The first present value {@code probe} yields, or an {@link AssertionError} naming {@code what}. */
    public static <T> T until(String what, Duration bound, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what + " after " + bound.toSeconds() + " s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    public static <T> T until(String what, Supplier<Optional<T>> probe) {
        return until(what, DEFAULT, probe);
    }
}
