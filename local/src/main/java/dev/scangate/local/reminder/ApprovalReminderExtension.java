package dev.scangate.local.reminder;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.scangate.local.runtime.LocalConfig;
import dev.scangate.local.runtime.RuntimeContext;
import dev.scangate.local.runtime.RuntimeExtension;
import dev.scangate.local.schedule.ScheduleExpression;
import dev.scangate.local.schedule.ScheduledTick;
import dev.scangate.local.schedule.Scheduler;
import dev.scangate.local.sfn.PipelineFunctions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the approval reminder ({@code RemindApproversHandler}, built from the step environment like
 * every step) on the schedule the CDK stack gives it, {@value #SCHEDULE}, with an EventBridge
 * scheduled event as input. Reminder mail goes through the local SNS to the outbox like any other
 * notification; the handler's metric line (EMF) goes to stdout, where Lambda's would go to its logs.
 */
public final class ApprovalReminderExtension implements RuntimeExtension {

    /** The same expression as {@code ApprovalReminder.SCHEDULE} in pipeline-infra. */
    public static final String SCHEDULE = "rate(1 hour)";
    static final String RULE_NAME = "scangate-approval-reminder";

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalReminderExtension.class);

    private final ScheduleExpression schedule;
    private final Clock clock;
    private RequestStreamHandler handler;
    private Scheduler scheduler;

    public ApprovalReminderExtension() {
        this(ScheduleExpression.parse(SCHEDULE), Clock.systemUTC());
    }

    /** Another schedule or clock (tests: a due tick without waiting an hour). */
    public ApprovalReminderExtension(ScheduleExpression schedule, Clock clock) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return "approval reminder (" + schedule.expression() + ")";
    }

    @Override
    public void start(RuntimeContext context) {
        handler = PipelineFunctions.approvalReminder(context.stepEnvironment());
        scheduler = Scheduler.builder().schedule(schedule).clock(clock).callback(this::remind).build();
        scheduler.start();
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
    }

    private void remind(ScheduledTick tick) {
        var output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(scheduledEvent(tick).getBytes(StandardCharsets.UTF_8)), output, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info("approval reminder at {}: {}", tick.scheduledTime(), output.toString(StandardCharsets.UTF_8));
    }

    /** What an EventBridge schedule rule sends its target. */
    static String scheduledEvent(ScheduledTick tick) {
        return "{\"version\":\"0\",\"id\":\"" + tick.eventId() + "\",\"detail-type\":\"Scheduled Event\","
                + "\"source\":\"aws.events\",\"account\":\"" + LocalConfig.ACCOUNT + "\",\"time\":\""
                + tick.scheduledTime().truncatedTo(ChronoUnit.SECONDS) + "\",\"region\":\"" + LocalConfig.REGION + "\","
                + "\"resources\":[\"arn:aws:events:" + LocalConfig.REGION + ":" + LocalConfig.ACCOUNT + ":rule/" + RULE_NAME
                + "\"],\"detail\":{}}";
    }
}
