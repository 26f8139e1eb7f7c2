package dev.scangate.statemachine.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that runs {@code speed} times faster than real time, so waits and timeouts pass quickly. */
final class FastClock extends Clock {

    private final long startMillis = System.currentTimeMillis();
    private final long startNanos = System.nanoTime();
    private final long speed;

    FastClock(long speed) {
        this.speed = speed;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public long millis() {
        return startMillis + (System.nanoTime() - startNanos) / 1_000_000 * speed;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }
}
