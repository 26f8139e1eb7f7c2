package dev.scangate.statemachine.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.statemachine.definition.PipelineDefinition;
import dev.scangate.statemachine.engine.integration.Integrations;
import dev.scangate.statemachine.engine.lambda.LambdaIntegration;
import dev.scangate.statemachine.engine.lambda.StreamHandlerInvoker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shipped pipeline definition, run end to end on the engine with stub step handlers. */
class PipelineRunTest {

    private static final String FN = "arn:aws:lambda:us-east-1:000000000000:function:scangate-";

    private final Map<String, List<JsonNode>> calls = new ConcurrentHashMap<>();
    private final List<JsonNode> published = new CopyOnWriteArrayList<>();
    private final Map<String, Function<JsonNode, Object>> behaviour = new HashMap<>();
    private Engine engine;
    private final java.util.concurrent.atomic.AtomicInteger retryableFailuresLeft = new java.util.concurrent.atomic.AtomicInteger();

    static Map<String, String> values(String approvalTimeout) {
        Map<String, String> v = new HashMap<>();
        for (String step : List.of("StageObjects", "StartScan", "CheckScan", "CollectFindings", "RouteObjects",
                "RequestApproval", "ApplyDecision", "PublishRunEvent", "FailRun")) {
            v.put(step + "FunctionArn", FN + step);
        }
        v.put("ApprovalTopicArn", "arn:aws:sns:us-east-1:000000000000:scangate-approvals");
        v.put("NotificationTopicArn", "arn:aws:sns:us-east-1:000000000000:scangate-notifications");
        v.put("BackoffFirstSeconds", "60");
        v.put("BackoffFactor", "2");
        v.put("BackoffCapSeconds", "900");
        v.put("ApprovalTimeoutSeconds", approvalTimeout);
        v.put("SeverityThreshold", "MEDIUM");
        return v;
    }

    private RequestStreamHandler handler(String step) {
        return (in, out, ctx) -> {
            JsonNode input = Json.MAPPER.readTree(in);
            calls.computeIfAbsent(step, k -> new CopyOnWriteArrayList<>()).add(input);
            Object result = behaviour.get(step).apply(input);
            out.write(Json.write(result).getBytes(StandardCharsets.UTF_8));
        };
    }

    private String startPipeline(String approvalTimeout, String input) {
        StreamHandlerInvoker.Builder invoker = StreamHandlerInvoker.builder();
        behaviour.keySet().forEach(step -> invoker.register(FN + step, handler(step)));
        Integrations.Builder integrations = Integrations.builder()
                .register("sns:publish", request -> {
                    published.add(request.arguments());
                    return Json.object().put("MessageId", "m-" + published.size());
                });
        StreamHandlerInvoker handlers = invoker.build();
        LambdaIntegration.of((arn, payload) -> arn.endsWith("StageObjects") && retryableFailuresLeft.getAndDecrement() > 0
                ? dev.scangate.statemachine.engine.lambda.InvokeResult.unhandled(("{\"errorMessage\":\"S3 throttled\","
                        + "\"errorType\":\"dev.scangate.lambdas.core.RetryableStepException\"}").getBytes(StandardCharsets.UTF_8))
                : handlers.invoke(arn, payload)).registerOn(integrations);
        engine = Engine.builder().clock(new FastClock(2000)).integrations(integrations.build()).build().start();
        String text = PipelineDefinition.load().substitute(values(approvalTimeout));
        var sm = engine.createStateMachine("scangate-pipeline", text, "arn:aws:iam::000000000000:role/sfn", null);
        return engine.startExecution(sm.arn(), "run-1", input).executionArn();
    }

    private void stubHappySteps() {
        behaviour.put("StageObjects", in -> Map.of("runId", "r-42", "manifestKey", "manifests/r-42.json",
                "objectCount", 2, "byteCount", 10, "truncated", false,
                "cursor", in.get("cursor").asInt() + 1, "done", in.get("cursor").asInt() >= 1));
        behaviour.put("StartScan", in -> Map.of("jobId", "job-1", "jobArn", "arn:job-1"));
        behaviour.put("CheckScan", in -> in.get("attempt").asInt() < 2
                ? Map.of("jobStatus", "RUNNING", "decision", "WAIT", "attempt", in.get("attempt").asInt() + 1, "nextWaitSeconds", 120)
                : Map.of("jobStatus", "COMPLETE", "decision", "COLLECT", "attempt", 3, "nextWaitSeconds", 0));
        behaviour.put("CollectFindings", in -> Map.of("reportKey", "reports/r-42.json",
                "counts", Map.of("total", 2, "clean", 1, "flagged", 1, "unscanned", 0)));
        behaviour.put("RouteObjects", in -> Map.of("cursor", 2, "done", true, "curated", 1, "manualReview", 1));
        behaviour.put("RequestApproval", in -> Map.of("approvalId", "a-1"));
        behaviour.put("ApplyDecision", in -> Map.of("approved", 1, "denied", 0));
        behaviour.put("PublishRunEvent", in -> Map.of("eventId", "e-" + in.get("outcome").asText()));
        // what the FailRun step does (lambdas FailRun): fail on the pass that recorded the failure,
        // resume once the execution has been redriven since
        behaviour.put("FailRun", in -> {
            if (in.get("redriveCount").asInt() > in.at("/failure/redriveCount").asInt()) {
                return Map.of("resume", in.at("/failure/state").asText());
            }
            throw new RunFailedException("Run " + in.get("runId").asText() + " failed in "
                    + in.at("/failure/state").asText() + " with " + in.at("/failure/error").asText() + ": "
                    + in.at("/failure/cause").asText());
        });
    }

    /** Stands in for dev.scangate.lambdas.core.RunFailedException (this module does not see the steps). */
    static final class RunFailedException extends RuntimeException {
        RunFailedException(String message) {
            super(message);
        }
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    private String awaitToken() throws InterruptedException {
        for (int i = 0; i < 1000 && !calls.containsKey("RequestApproval"); i++) {
            Thread.sleep(10);
        }
        return calls.get("RequestApproval").get(0).get("taskToken").asText();
    }

    @Test
    void pipeline_whenPersonApproves_runsEveryStepAndSucceedsReviewed() throws Exception {
        stubHappySteps();
        String arn = startPipeline("432000", "{\"id\":\"r-42\"}");

        String token = awaitToken();
        engine.sendTaskSuccess(token, "{\"approvalId\":\"a-1\",\"decisions\":{\"a.csv\":\"APPROVE\"},"
                + "\"approver\":\"ann@example.com\",\"decidedAt\":\"2026-01-01T00:00:00Z\"}");
        ExecutionInfo done = engine.awaitClosed(arn, Duration.ofSeconds(20));

        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode output = Json.parse(done.output());
        assertThat(output.get("outcome").asText()).isEqualTo("REVIEWED");
        assertThat(output.get("runId").asText()).isEqualTo("r-42");
        assertThat(output.at("/counts/flagged").asInt()).isEqualTo(1);
        assertThat(calls.get("StageObjects")).hasSize(2);
        assertThat(calls.get("StageObjects").get(0).at("/executionInput/id").asText()).isEqualTo("r-42");
        assertThat(calls.get("CheckScan")).hasSize(3);
        assertThat(calls.get("CheckScan").get(0).at("/backoff/firstSeconds").asInt()).isEqualTo(60);
        JsonNode apply = calls.get("ApplyDecision").get(0);
        assertThat(apply.get("approver").asText()).isEqualTo("ann@example.com");
        assertThat(apply.at("/decisions/a.csv").asText()).isEqualTo("APPROVE");
        assertThat(calls.get("RequestApproval").get(0).get("expiresInSeconds").asInt()).isEqualTo(432000);
        assertThat(calls.get("PublishRunEvent").get(0).at("/decision/approved").asInt()).isEqualTo(1);
        List<String> types = engine.history(arn).stream().map(HistoryEvent::type).toList();
        assertThat(types).startsWith("ExecutionStarted", "PassStateEntered", "PassStateExited", "TaskStateEntered",
                "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited");
        assertThat(types).contains("TaskSubmitted", "WaitStateEntered", "ChoiceStateExited").endsWith("ExecutionSucceeded");
    }

    @Test
    void sendTaskSuccess_whenTokenUsedTwice_isTaskTimedOut() throws Exception {
        stubHappySteps();
        String arn = startPipeline("432000", "{}");
        String token = awaitToken();
        engine.sendTaskSuccess(token, "{\"approvalId\":\"a\",\"decisions\":{},\"approver\":\"x\",\"decidedAt\":\"t\"}");
        engine.awaitClosed(arn, Duration.ofSeconds(20));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.sendTaskSuccess(token, "{}"))
                .isInstanceOf(EngineException.class)
                .satisfies(e -> assertThat(((EngineException) e).error()).isEqualTo(EngineError.TASK_TIMED_OUT));
        assertThat(token.length()).isLessThanOrEqualTo(1024);
    }

    @Test
    void pipeline_whenNobodyDecides_notifiesApproversAndFailsApprovalExpired() throws Exception {
        stubHappySteps();
        String arn = startPipeline("3600", "{\"id\":\"r-42\"}");
        String token = awaitToken();

        ExecutionInfo done = engine.awaitClosed(arn, Duration.ofSeconds(20));

        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("ApprovalExpired");
        assertThat(published).hasSize(1);
        assertThat(published.get(0).get("TopicArn").asText()).endsWith("scangate-approvals");
        assertThat(calls.get("PublishRunEvent").get(0).get("outcome").asText()).isEqualTo("APPROVAL_EXPIRED");
        assertThat(calls).doesNotContainKey("ApplyDecision");
        assertThat(engine.history(arn).stream().map(HistoryEvent::type)).contains("TaskTimedOut");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.sendTaskSuccess(token, "{}"))
                .hasMessageContaining("Task Timed Out");
    }

    @Test
    void pipeline_whenStepFailsRetryably_retriesItAndCarriesOn() {
        stubHappySteps();
        behaviour.put("CollectFindings", in -> Map.of("reportKey", "reports/r-42.json",
                "counts", Map.of("total", 2, "clean", 2, "flagged", 0, "unscanned", 0)));
        retryableFailuresLeft.set(2);
        String arn = startPipeline("432000", "{\"id\":\"r-42\"}");

        ExecutionInfo done = engine.awaitClosed(arn, Duration.ofSeconds(20));

        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Json.parse(done.output()).get("outcome").asText()).isEqualTo("ALL_CLEAN");
        assertThat(engine.history(arn).stream().filter(e -> e.type().equals("TaskFailed"))
                .map(e -> e.details().get("error").asText()))
                .containsExactly("dev.scangate.lambdas.core.RetryableStepException",
                        "dev.scangate.lambdas.core.RetryableStepException");
        assertThat(calls).doesNotContainKey("RequestApproval");
    }

    @Test
    void pipeline_whenStepThrows_notifiesAndFailsClosedWithTheExceptionName() {
        stubHappySteps();
        behaviour.put("StartScan", in -> {
            throw new IllegalStateException("macie is off");
        });
        String arn = startPipeline("432000", "{\"id\":\"r-42\"}");

        ExecutionInfo done = engine.awaitClosed(arn, Duration.ofSeconds(20));

        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).endsWith("RunFailedException");
        assertThat(done.cause()).contains("failed in StartScan with java.lang.IllegalStateException").contains("macie is off");
        assertThat(published.get(0).get("Subject").asText()).contains("failed in StartScan");
        ObjectNode failure = (ObjectNode) calls.get("PublishRunEvent").get(0).get("failure");
        assertThat(failure.get("error").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(calls.get("PublishRunEvent").get(0).get("reportKey").isNull()).isTrue();
        assertThat(calls).doesNotContainKeys("CollectFindings", "RouteObjects");
    }

    @Test
    void redrive_whenAStepFailedAndItsCauseIsGone_reRunsThatStepWithItsInputAndFinishes() throws Exception {
        stubHappySteps();
        var applyFailuresLeft = new java.util.concurrent.atomic.AtomicInteger(1);
        behaviour.put("ApplyDecision", in -> {
            if (applyFailuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("report missing");
            }
            return Map.of("approved", 1, "denied", 0);
        });
        String arn = startPipeline("432000", "{\"id\":\"r-42\"}");
        engine.sendTaskSuccess(awaitToken(), "{\"approvalId\":\"a-1\",\"decisions\":{\"a.csv\":\"APPROVE\"},"
                + "\"approver\":\"ann@example.com\",\"decidedAt\":\"2026-01-01T00:00:00Z\"}");
        ExecutionInfo failed = engine.awaitClosed(arn, Duration.ofSeconds(20));
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.cause()).contains("failed in ApplyDecision").contains("report missing");

        engine.redriveExecution(arn);
        ExecutionInfo done = engine.awaitClosed(arn, Duration.ofSeconds(20));

        assertThat(done.status()).as(done.error() + ": " + done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Json.parse(done.output()).get("outcome").asText()).isEqualTo("REVIEWED");
        assertThat(calls.get("ApplyDecision")).hasSize(2);
        assertThat(calls.get("ApplyDecision").get(1)).isEqualTo(calls.get("ApplyDecision").get(0));
        assertThat(calls.get("StageObjects")).as("steps that succeeded are not re-run").hasSize(2);
        assertThat(calls.get("RequestApproval")).hasSize(1);
        assertThat(calls.get("PublishRunEvent").stream().map(e -> e.get("outcome").asText()))
                .containsExactly("FAILED", "REVIEWED");
        assertThat(calls.get("PublishRunEvent").get(0).get("failure").has("input"))
                .as("the event carries no state input").isFalse();
        assertThat(published).as("one failure notice").hasSize(1);
        assertThat(published.get(0).get("Message").asText()).contains("redrive the execution (it re-runs ApplyDecision)");
    }

    @Test
    void redrive_whenTheResumedStepFailsAgain_failsAgainAndCanBeRedrivenOnceMore() throws Exception {
        stubHappySteps();
        var startFailuresLeft = new java.util.concurrent.atomic.AtomicInteger(2);
        behaviour.put("StartScan", in -> {
            if (startFailuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("macie is off");
            }
            return Map.of("jobId", "job-1", "jobArn", "arn:job-1");
        });
        behaviour.put("CollectFindings", in -> Map.of("reportKey", "reports/r-42.json",
                "counts", Map.of("total", 2, "clean", 2, "flagged", 0, "unscanned", 0)));
        String arn = startPipeline("432000", "{\"id\":\"r-42\"}");
        assertThat(engine.awaitClosed(arn, Duration.ofSeconds(20)).status()).isEqualTo(ExecutionStatus.FAILED);

        engine.redriveExecution(arn);
        ExecutionInfo second = engine.awaitClosed(arn, Duration.ofSeconds(20));
        assertThat(second.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(second.cause()).contains("failed in StartScan");
        engine.redriveExecution(arn);
        ExecutionInfo third = engine.awaitClosed(arn, Duration.ofSeconds(20));

        assertThat(third.status()).as(third.error() + ": " + third.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(third.redriveCount()).isEqualTo(2);
        assertThat(calls.get("StartScan")).hasSize(3);
        assertThat(calls.get("StageObjects")).hasSize(2);
    }
}
