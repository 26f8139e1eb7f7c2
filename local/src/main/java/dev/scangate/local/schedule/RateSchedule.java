package dev.scangate.local.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code rate(value unit)}: singular unit for 1, plural above, as EventBridge insists. */
public record RateSchedule(String expression, long value, Duration period) implements ScheduleExpression {

    private static final Pattern SHAPE = Pattern.compile("rate\\(\\s*(\\S+)\\s+(\\S+)\\s*\\)");

    static RateSchedule parse(String expression) {
        var m = SHAPE.matcher(expression);
        if (!m.matches()) {
            throw new InvalidScheduleException(expression, "rate takes a value and a unit, e.g. rate(5 minutes)");
        }
        long value;
        try {
            value = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new InvalidScheduleException(expression, "the rate value '" + m.group(1) + "' is not a whole number");
        }
        if (value <= 0) {
            throw new InvalidScheduleException(expression, "the rate value must be positive");
        }
        String unit = m.group(2);
        Duration unitLength = switch (unit) {
            case "minute", "minutes" -> Duration.ofMinutes(1);
            case "hour", "hours" -> Duration.ofHours(1);
            case "day", "days" -> Duration.ofDays(1);
            default -> throw new InvalidScheduleException(expression,
                    "unknown unit '" + unit + "'; use minute(s), hour(s) or day(s)");
        };
        boolean plural = unit.endsWith("s");
        if (value == 1 && plural) {
            throw new InvalidScheduleException(expression, "a value of 1 takes a singular unit, e.g. rate(1 " + unit.substring(0, unit.length() - 1) + ")");
        }
        if (value > 1 && !plural) {
            throw new InvalidScheduleException(expression, "a value above 1 takes a plural unit, e.g. rate(" + value + " " + unit + "s)");
        }
        return new RateSchedule(expression, value, unitLength.multipliedBy(value));
    }

    @Override
    public Optional<Instant> nextAfter(Instant anchor, Instant after) {
        if (after.isBefore(anchor)) {
            return Optional.of(anchor.plus(period));
        }
        long periodsElapsed = Duration.between(anchor, after).toMillis() / period.toMillis();
        return Optional.of(anchor.plus(period.multipliedBy(periodsElapsed + 1)));
    }
}
