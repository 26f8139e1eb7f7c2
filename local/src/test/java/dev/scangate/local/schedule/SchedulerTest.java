package dev.scangate.local.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    @Test
    void start_whenNextFireTimeIsDue_callsBackWithItsTimeAndAnEventId() throws InterruptedException {
        // a clock just before a minute boundary makes the every-minute schedule due at once
        var clock = Clock.fixed(Instant.parse("2026-03-10T10:15:59.990Z"), ZoneOffset.UTC);
        var ticks = new CopyOnWriteArrayList<ScheduledTick>();
        var fired = new CountDownLatch(1);
        var scheduler = Scheduler.builder().schedule(ScheduleExpression.parse("cron(* * * * ? *)")).clock(clock)
                .callback(tick -> {
                    ticks.add(tick);
                    fired.countDown();
                }).build();
        scheduler.start();
        try {
            assertThat(fired.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            scheduler.stop();
        }
        assertThat(ticks.get(0).scheduledTime()).isEqualTo(Instant.parse("2026-03-10T10:16:00Z"));
        assertThat(ticks.get(0).eventId()).isNotBlank();
    }
}
