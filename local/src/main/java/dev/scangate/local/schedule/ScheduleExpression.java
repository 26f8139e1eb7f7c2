package dev.scangate.local.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * An EventBridge schedule expression, {@code rate(...)} or {@code cron(...)}, evaluated in UTC as
 * EventBridge does, so the local scheduler fires on the same expression the CDK stack deploys.
 */
public sealed interface ScheduleExpression permits RateSchedule, CronSchedule {

    /**
     * The first fire time strictly after {@code after}. A rate schedule counts its periods from
     * {@code anchor} (when the schedule was created); a cron schedule ignores it.
     */
    Optional<Instant> nextAfter(Instant anchor, Instant after);

    /** The expression as written. */
    String expression();

    static ScheduleExpression parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new InvalidScheduleException(String.valueOf(expression), "it is empty; use rate(...) or cron(...)");
        }
        String trimmed = expression.trim();
        if (trimmed.startsWith("rate(") && trimmed.endsWith(")")) {
            return RateSchedule.parse(trimmed);
        }
        if (trimmed.startsWith("cron(") && trimmed.endsWith(")")) {
            return CronSchedule.parse(trimmed);
        }
        throw new InvalidScheduleException(expression, "it must be rate(value unit) or cron(minutes hours day-of-month month day-of-week year)");
    }
}
