package dev.scangate.statemachine.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scangate.statemachine.engine.integration.Integrations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping the engine at any point and starting it again on the same data directory resumes executions. */
class DurabilityTest {

    private static final String ROLE = "arn:aws:iam::000000000000:role/sfn";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private final AtomicInteger slowCalls = new AtomicInteger();
    private volatile CountDownLatch slowEntered = new CountDownLatch(1);
    private Engine engine;

    private Engine open() {
        Integrations integrations = Integrations.builder()
                .register("sns:publish", r -> {
                    tokens.add(r.taskToken());
                    return Json.object();
                })
                .register("events:putEvents", r -> {
                    slowCalls.incrementAndGet();
                    slowEntered.countDown();
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Json.object();
                })
                .build();
        engine = Engine.builder().dataDirectory(dir).clock(clock).integrations(integrations).build().start();
        return engine;
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    private String start(String definition, String input) {
        var sm = engine.createStateMachine("m", definition, ROLE, null);
        return engine.startExecution(sm.arn(), "e1", input).executionArn();
    }

    private void awaitEvent(String arn, String type) throws InterruptedException {
        for (int i = 0; i < 2000; i++) {
            if (engine.history(arn).stream().anyMatch(e -> e.type().equals(type))) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no " + type + " event in " + engine.history(arn));
    }

    @Test
    void restart_whenWaiting_finishesTheWaitAndKeepsVariables() throws Exception {
        open();
        String arn = start("""
                {"QueryLanguage":"JSONata","StartAt":"A","States":{
                 "A":{"Type":"Pass","Assign":{"x":"{% $states.input.n + 1 %}"},"Next":"W"},
                 "W":{"Type":"Wait","Seconds":3600,"Next":"B"},
                 "B":{"Type":"Pass","Output":"{% {'x': $x} %}","End":true}}}""", "{\"n\":41}");
        awaitEvent(arn, "WaitStateEntered");
        engine.close();

        clock.advance(Duration.ofHours(2));
        open();
        ExecutionInfo done = engine.awaitClosed(arn, Duration.ofSeconds(20));

        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Json.parse(done.output()).get("x").asInt()).isEqualTo(42);
        List<HistoryEvent> history = engine.history(arn);
        assertThat(history.stream().map(HistoryEvent::type).filter("ExecutionStarted"::equals)).hasSize(1);
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).id()).isEqualTo(i + 1);
        }
    }

    @Test
    void restart_whenWaitingForCallback_acceptsTheTokenIssuedBeforeTheRestart() throws Exception {
        open();
        String arn = start("""
                {"QueryLanguage":"JSONata","StartAt":"Ask","States":{
                 "Ask":{"Type":"Task","Resource":"arn:aws:states:::sns:publish.waitForTaskToken",
                  "Arguments":{"Message":"{% $states.context.Task.Token %}"},"TimeoutSeconds":86400,"End":true}}}""", "{}");
        awaitEvent(arn, "TaskSubmitted");
        engine.close();

        clock.advance(Duration.ofHours(1));
        open();
        engine.sendTaskSuccess(tokens.get(0), "{\"approved\":true}");
        ExecutionInfo done = engine.awaitClosed(arn, Duration.ofSeconds(20));

        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Json.parse(done.output()).get("approved").asBoolean()).isTrue();
    }

    @Test
    void restart_whenCallbackDeadlinePassedMeanwhile_timesTheTaskOut() throws Exception {
        open();
        String arn = start("""
                {"QueryLanguage":"JSONata","StartAt":"Ask","States":{
                 "Ask":{"Type":"Task","Resource":"arn:aws:states:::sns:publish.waitForTaskToken",
                  "Arguments":{"Message":"{% $states.context.Task.Token %}"},"TimeoutSeconds":60,
                  "Catch":[{"ErrorEquals":["States.Timeout"],"Output":"{% $states.errorOutput %}","Next":"Late"}],"End":true},
                 "Late":{"Type":"Succeed"}}}""", "{}");
        awaitEvent(arn, "TaskSubmitted");
        engine.close();

        clock.advance(Duration.ofMinutes(5));
        open();
        ExecutionInfo done = engine.awaitClosed(arn, Duration.ofSeconds(20));

        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Json.parse(done.output()).get("Error").asText()).isEqualTo("States.Timeout");
    }

    @Test
    void restart_whenKilledInsideATask_runsThatTaskAgainAndNothingBefore() throws Exception {
        open();
        String arn = start("""
                {"QueryLanguage":"JSONata","StartAt":"Slow","States":{
                 "Slow":{"Type":"Task","Resource":"arn:aws:states:::events:putEvents","Arguments":{},"End":true}}}""", "{}");
        assertThat(slowEntered.await(10, TimeUnit.SECONDS)).isTrue();
        engine.close();

        slowEntered = new CountDownLatch(1);
        open();
        assertThat(slowEntered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(slowCalls.get()).isEqualTo(2);
        JsonNode status = Json.MAPPER.valueToTree(engine.describeExecution(arn).status());
        assertThat(status.asText()).isEqualTo("RUNNING");
        List<String> types = engine.history(arn).stream().map(HistoryEvent::type).toList();
        assertThat(types).containsExactly("ExecutionStarted");
    }
}
