package dev.scangate.statemachine.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HistoryLimitTest {

    @Test
    void endlessLoop_whenHistoryCeilingReached_failsAndCannotBeRedriven() {
        try (Engine engine = Engine.builder().build().start()) {
            var sm = engine.createStateMachine("loop", """
                    {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"A"}}}""", "arn:aws:iam::000000000000:role/r", null);
            String arn = engine.startExecution(sm.arn(), "forever", "{}").executionArn();

            ExecutionInfo done = engine.awaitClosed(arn, Duration.ofMinutes(2));

            assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(done.error()).isEqualTo("States.Runtime");
            assertThat(done.cause()).contains("25000");
            assertThat(engine.history(arn)).hasSizeLessThanOrEqualTo(Engine.MAX_HISTORY_EVENTS);
            assertThatThrownBy(() -> engine.redriveExecution(arn)).isInstanceOf(EngineException.class)
                    .hasMessageContaining("limit");
        }
    }
}
