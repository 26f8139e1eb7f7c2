package dev.scangate.statemachine.engine;

/** A clock that runs {@code speed} times faster than real time, so waits and timeouts pass quickly. */
final class FastClock extends MillisClock {

    private final long startMillis = System.currentTimeMillis();
    private final long startNanos = System.nanoTime();
    private final long speed;

    FastClock(long speed) {
        this.speed = speed;
    }

    @Override
    public long millis() {
        return startMillis + (System.nanoTime() - startNanos) / 1_000_000 * speed;
    }
}
