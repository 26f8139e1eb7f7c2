package dev.scangate.statemachine.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scangate.statemachine.engine.integration.Integrations;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Heartbeats, task and execution timeouts, retries of callback tasks and stopping, on a clock the test moves. */
class CallbackTimeoutTest {

    private final MutableClock clock = new MutableClock();
    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private final List<ExecutionStatus> statuses = new CopyOnWriteArrayList<>();
    private Engine engine;

    @BeforeEach
    void start() {
        engine = Engine.builder().clock(clock).integrations(Integrations.builder()
                .register("sns:publish", r -> {
                    tokens.add(r.taskToken());
                    return Json.object();
                }).build()).statusListener(info -> statuses.add(info.status())).build().start();
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private String run(String definition) {
        var sm = engine.createStateMachine("m", definition, "arn:aws:iam::000000000000:role/r", null);
        return engine.startExecution(sm.arn(), "e", "{}").executionArn();
    }

    private void awaitTokens(int n) throws InterruptedException {
        for (int i = 0; i < 2000 && tokens.size() < n; i++) {
            Thread.sleep(5);
        }
        assertThat(tokens).hasSize(n);
    }

    private static String callback(String extra) {
        String fields = extra.contains("Catch") ? extra
                : extra + ",\"Catch\":[{\"ErrorEquals\":[\"Never.Raised\"],\"Next\":\"TimedOut\"}]";
        return """
                {"QueryLanguage":"JSONata","StartAt":"Ask","States":{
                 "Ask":{"Type":"Task","Resource":"arn:aws:states:::sns:publish.waitForTaskToken",
                  "Arguments":{"Message":"{% $states.context.Task.Token %}"},EXTRA,"End":true},
                 "TimedOut":{"Type":"Pass","End":true}}}""".replace("EXTRA", fields);
    }

    @Test
    void heartbeat_whenMissed_raisesHeartbeatTimeoutThatStatesTimeoutCatches() throws Exception {
        String arn = run(callback("""
                "HeartbeatSeconds":10,"TimeoutSeconds":100,
                "Catch":[{"ErrorEquals":["States.Timeout"],"Next":"TimedOut"}]"""));
        awaitTokens(1);
        clock.advance(Duration.ofSeconds(8));
        engine.sendTaskHeartbeat(tokens.get(0));
        clock.advance(Duration.ofSeconds(8));
        Thread.sleep(100);
        assertThat(engine.describeExecution(arn).status()).isEqualTo(ExecutionStatus.RUNNING);

        clock.advance(Duration.ofSeconds(5));
        ExecutionInfo done = engine.awaitClosed(arn, Duration.ofSeconds(10));

        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Json.parse(done.output()).get("Error").asText()).isEqualTo("States.HeartbeatTimeout");
        assertThatThrownBy(() -> engine.sendTaskHeartbeat(tokens.get(0))).isInstanceOf(EngineException.class)
                .hasMessageContaining("Task Timed Out");
    }

    @Test
    void retry_whenCallbackTaskFails_issuesANewTokenAndKillsTheOldOne() throws Exception {
        String arn = run(callback("""
                "Retry":[{"ErrorEquals":["Try.Again"],"IntervalSeconds":5,"MaxAttempts":1}]"""));
        awaitTokens(1);
        engine.sendTaskFailure(tokens.get(0), "Try.Again", "once more");
        Thread.sleep(100);
        clock.advance(Duration.ofSeconds(6));
        awaitTokens(2);

        assertThat(tokens.get(1)).isNotEqualTo(tokens.get(0));
        assertThatThrownBy(() -> engine.sendTaskSuccess(tokens.get(0), "{}")).isInstanceOf(EngineException.class)
                .satisfies(e -> assertThat(((EngineException) e).error()).isEqualTo(EngineError.TASK_TIMED_OUT));
        engine.sendTaskSuccess(tokens.get(1), "{\"second\":true}");
        assertThat(engine.awaitClosed(arn, Duration.ofSeconds(10)).output()).isEqualTo("{\"second\":true}");
    }

    @Test
    void executionTimeout_whenExceeded_endsTimedOut() throws Exception {
        String arn = run("""
                {"TimeoutSeconds":30,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}""");
        Thread.sleep(50);
        clock.advance(Duration.ofSeconds(31));

        ExecutionInfo done = engine.awaitClosed(arn, Duration.ofSeconds(10));

        assertThat(done.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(engine.history(arn).get(engine.history(arn).size() - 1).type()).isEqualTo("ExecutionTimedOut");
    }

    @Test
    void stopExecution_whenWaitingForCallback_abortsAndKillsTheToken() throws Exception {
        String arn = run(callback("\"TimeoutSeconds\":100"));
        awaitTokens(1);

        engine.stopExecution(arn, "Operator.Stop", "enough");

        ExecutionInfo done = engine.describeExecution(arn);
        assertThat(done.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(done.error()).isEqualTo("Operator.Stop");
        assertThat(statuses).containsExactly(ExecutionStatus.RUNNING, ExecutionStatus.ABORTED);
        assertThatThrownBy(() -> engine.sendTaskSuccess(tokens.get(0), "{}")).hasMessageContaining("Task Timed Out");
    }

    @Test
    void startExecution_whenInputNotJson_isInvalidExecutionInput() {
        var sm = engine.createStateMachine("m", callback("\"TimeoutSeconds\":1"), "arn:aws:iam::000000000000:role/r", null);
        assertThatThrownBy(() -> engine.startExecution(sm.arn(), "x", "{oops"))
                .isInstanceOf(EngineException.class)
                .satisfies(e -> assertThat(((EngineException) e).error()).isEqualTo(EngineError.INVALID_EXECUTION_INPUT));
        assertThatThrownBy(() -> engine.startExecution(sm.arn(), "bad name", "{}"))
                .satisfies(e -> assertThat(((EngineException) e).error()).isEqualTo(EngineError.INVALID_NAME));
    }
}
