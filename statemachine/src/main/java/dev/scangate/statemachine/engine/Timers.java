package dev.scangate.statemachine.engine;

import java.time.Clock;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Wakes executions when their wait, retry back-off or task deadline is due on the engine's clock.
 * Due times are checked against the (pluggable) clock at least every few milliseconds, so tests
 * that move a clock forward do not sleep.
 */
final class Timers implements AutoCloseable {

    private static final long MAX_SLEEP_MILLIS = 25;

    private record Entry(long dueMillis, String executionArn) {
    }

    private final Clock clock;
    private final Consumer<String> wake;
    private final PriorityQueue<Entry> queue = new PriorityQueue<>((a, b) -> Long.compare(a.dueMillis, b.dueMillis));
    private final Thread thread;
    private volatile boolean running = true;

    Timers(Clock clock, Consumer<String> wake) {
        this.clock = clock;
        this.wake = wake;
        this.thread = new Thread(this::loop, "sfn-timers");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    synchronized void schedule(String executionArn, long dueMillis) {
        queue.add(new Entry(dueMillis, executionArn));
        notifyAll();
    }

    private void loop() {
        while (running) {
            String due = null;
            synchronized (this) {
                Entry head = queue.peek();
                long now = clock.millis();
                if (head != null && head.dueMillis <= now) {
                    due = queue.poll().executionArn;
                } else {
                    long sleep = head == null ? MAX_SLEEP_MILLIS : Math.min(MAX_SLEEP_MILLIS, head.dueMillis - now);
                    try {
                        wait(Math.max(1, sleep));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            if (due != null) {
                wake.accept(due);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
