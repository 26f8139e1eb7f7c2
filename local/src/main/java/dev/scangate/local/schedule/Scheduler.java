package dev.scangate.local.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires a callback on a schedule expression, one tick at a time on its own daemon thread. A
 * callback that throws is logged and the schedule carries on, as an EventBridge rule would.
 */
public final class Scheduler {

    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private final ScheduleExpression schedule;
    private final Clock clock;
    private final Consumer<ScheduledTick> callback;
    private ScheduledExecutorService executor;
    private Instant anchor;

    private Scheduler(Builder builder) {
        this.schedule = Objects.requireNonNull(builder.schedule, "schedule");
        this.clock = builder.clock;
        this.callback = Objects.requireNonNull(builder.callback, "callback");
    }

    public static Builder builder() {
        return new Builder();
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "scangate-scheduler");
            t.setDaemon(true);
            return t;
        });
        anchor = clock.instant();
        scheduleAfter(anchor);
        LOG.info("schedule started: {}", schedule.expression());
    }

    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    private synchronized void scheduleAfter(Instant after) {
        if (executor == null) {
            return;
        }
        schedule.nextAfter(anchor, after).ifPresentOrElse(next -> {
            long delay = Math.max(0, Duration.between(clock.instant(), next).toMillis());
            executor.schedule(() -> fire(next), delay, TimeUnit.MILLISECONDS);
        }, () -> LOG.info("schedule {} has no further fire times", schedule.expression()));
    }

    private void fire(Instant scheduledTime) {
        try {
            callback.accept(new ScheduledTick(UUID.randomUUID().toString(), scheduledTime));
        } catch (RuntimeException e) {
            LOG.error("scheduled run at {} failed", scheduledTime, e);
        }
        scheduleAfter(scheduledTime);
    }

    public static final class Builder {
        private ScheduleExpression schedule;
        private Clock clock = Clock.systemUTC();
        private Consumer<ScheduledTick> callback;

        public Builder schedule(ScheduleExpression schedule) {
            this.schedule = schedule;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder callback(Consumer<ScheduledTick> callback) {
            this.callback = callback;
            return this;
        }

        public Scheduler build() {
            return new Scheduler(this);
        }
    }
}
