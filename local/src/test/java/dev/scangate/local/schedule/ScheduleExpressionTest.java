package dev.scangate.local.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ScheduleExpressionTest {

    private static final Instant ANCHOR = Instant.parse("2026-03-10T10:15:30Z");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rate(1 minute)   | 2026-03-10T10:15:30Z | 2026-03-10T10:16:30Z",
        "rate(5 minutes)  | 2026-03-10T10:21:00Z | 2026-03-10T10:25:30Z",
        "rate(6 hours)    | 2026-03-10T10:15:30Z | 2026-03-10T16:15:30Z",
        "rate(1 day)      | 2026-03-11T10:15:30Z | 2026-03-12T10:15:30Z",
        "rate(2 days)     | 2026-03-09T00:00:00Z | 2026-03-12T10:15:30Z",
    })
    void nextAfter_whenRate_countsPeriodsFromAnchor(String expression, String after, String expected) {
        assertThat(ScheduleExpression.parse(expression).nextAfter(ANCHOR, Instant.parse(after)))
                .contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // every 10 minutes
        "cron(0/10 * * * ? *)        | 2026-03-10T10:15:30Z | 2026-03-10T10:20:00Z",
        // noon UTC every day
        "cron(0 12 * * ? *)          | 2026-03-10T12:00:00Z | 2026-03-11T12:00:00Z",
        // 18:00 Monday to Friday (2026-03-13 is a Friday, 03-14 Saturday)
        "cron(0 18 ? * MON-FRI *)    | 2026-03-13T18:30:00Z | 2026-03-16T18:00:00Z",
        // 1 = Sunday
        "cron(30 6 ? * 1 *)          | 2026-03-10T00:00:00Z | 2026-03-15T06:30:00Z",
        // last day of month
        "cron(0 0 L * ? *)           | 2026-02-01T00:00:00Z | 2026-02-28T00:00:00Z",
        // third Friday
        "cron(0 9 ? * 6#3 *)         | 2026-03-01T00:00:00Z | 2026-03-20T09:00:00Z",
        // last Friday
        "cron(0 9 ? * 6L *)          | 2026-03-01T00:00:00Z | 2026-03-27T09:00:00Z",
        // weekday nearest the 1st: 2026-08-01 is a Saturday, so Monday the 3rd
        "cron(0 9 1W * ? *)          | 2026-07-15T00:00:00Z | 2026-08-03T09:00:00Z",
        // months by name, a year list
        "cron(15 10 1 JAN,JUL ? 2027) | 2026-03-10T00:00:00Z | 2027-01-01T10:15:00Z",
    })
    void nextAfter_whenCron_followsEventBridgeRulesInUtc(String expression, String after, String expected) {
        assertThat(ScheduleExpression.parse(expression).nextAfter(ANCHOR, Instant.parse(after)))
                .contains(Instant.parse(expected));
    }

    @Test
    void nextAfter_whenYearsExhausted_isEmpty() {
        assertThat(ScheduleExpression.parse("cron(0 0 1 1 ? 2020)").nextAfter(ANCHOR, ANCHOR)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                          | empty",
        "every 5 minutes             | rate(value unit) or cron(",
        "rate(5)                     | rate takes a value and a unit",
        "rate(0 minutes)             | must be positive",
        "rate(x minutes)             | 'x' is not a whole number",
        "rate(1 minutes)             | singular unit",
        "rate(5 minute)              | plural unit",
        "rate(5 weeks)               | unknown unit 'weeks'",
        "cron(0 12 * * *)            | 6 fields",
        "cron(0 12 * * * *)          | exactly one of day-of-month and day-of-week must be '?'",
        "cron(0 12 ? * ? *)          | exactly one of day-of-month and day-of-week must be '?'",
        "cron(60 12 * * ? *)         | minutes value 60 is outside 0-59",
        "cron(0 24 * * ? *)          | hours value 24 is outside 0-23",
        "cron(0 12 ? * FUNDAY *)     | day-of-week value 'FUNDAY' is not understood",
        "cron(0 12 ? * 8 *)          | day-of-week value 8 is outside 1-7",
        "cron(0 12 * 13 ? *)         | month value 13 is outside 1-12",
        "cron(0 12 * * ? 1969)       | year value 1969 is outside 1970-2199",
        "cron(0 12 5-1 * ? *)        | runs backwards",
        "cron(0 12 1,,2 * ? *)       | empty list item",
    })
    void parse_whenInvalid_namesTheProblem(String expression, String problem) {
        assertThatThrownBy(() -> ScheduleExpression.parse(expression))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessageContaining(problem);
    }
}
