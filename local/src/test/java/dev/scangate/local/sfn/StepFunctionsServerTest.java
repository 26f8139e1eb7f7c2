package dev.scangate.local.sfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scangate.lambdas.aws.AwsClientFactory;
import dev.scangate.statemachine.engine.Engine;
import dev.scangate.statemachine.engine.Json;
import dev.scangate.statemachine.engine.integration.Integrations;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** The Step Functions API served over the engine, driven through the real AWS SDK client. */
class StepFunctionsServerTest {

    private static final String ROLE = "arn:aws:iam::000000000000:role/sfn";
    private static final String CALLBACK = """
            {"QueryLanguage":"JSONata","StartAt":"Ask","States":{
             "Ask":{"Type":"Task","Resource":"arn:aws:states:::sns:publish.waitForTaskToken",
              "Arguments":{"Message":"{% $states.context.Task.Token %}"},"HeartbeatSeconds":3600,"End":true}}}""";
    private static final String PASS = """
            {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"C"},
             "C":{"Type":"Pass","End":true}}}""";
    private static final String FAIL_ONCE = """
            {"QueryLanguage":"JSONata","StartAt":"First","States":{
             "First":{"Type":"Pass","Assign":{"n":1},"Next":"Flaky"},
             "Flaky":{"Type":"Task","Resource":"arn:aws:states:::events:putEvents","Arguments":{},"End":true}}}""";

    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private volatile boolean eventsBroken = true;
    private Engine engine;
    private StepFunctionsServer server;
    private SfnClient sfn;

    @BeforeEach
    void start() {
        Integrations integrations = Integrations.builder()
                .register("sns:publish", r -> {
                    tokens.add(r.taskToken());
                    return Json.object().put("MessageId", "m");
                })
                .register("events:putEvents", r -> {
                    if (eventsBroken) {
                        throw new dev.scangate.statemachine.engine.StatesError("EventBridge.InternalException", "down");
                    }
                    return Json.object().put("FailedEntryCount", 0);
                })
                .build();
        engine = Engine.builder().integrations(integrations).build().start();
        server = StepFunctionsServer.builder().engine(engine).build().start();
        sfn = AwsClientFactory.forEndpoint(URI.create("http://127.0.0.1:" + server.getPort())).sfn();
    }

    @AfterEach
    void stop() {
        sfn.close();
        server.stop();
        engine.close();
    }

    private String create(String name, String definition) {
        return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE)).stateMachineArn();
    }

    private ExecutionStatus await(String arn) throws InterruptedException {
        for (int i = 0; i < 2000; i++) {
            ExecutionStatus s = sfn.describeExecution(b -> b.executionArn(arn)).status();
            if (s != ExecutionStatus.RUNNING) {
                return s;
            }
            Thread.sleep(5);
        }
        return ExecutionStatus.RUNNING;
    }

    private String awaitToken() throws InterruptedException {
        for (int i = 0; i < 2000 && tokens.isEmpty(); i++) {
            Thread.sleep(5);
        }
        return tokens.get(tokens.size() - 1);
    }

    @Test
    void stateMachineCrud_whenCalledThroughSdk_roundTrips() {
        String arn = create("crud", PASS);
        assertThat(arn).isEqualTo("arn:aws:states:us-east-1:000000000000:stateMachine:crud");
        assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(arn)).definition()).isEqualTo(PASS);

        sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(CALLBACK));
        assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(arn)).definition()).isEqualTo(CALLBACK);
        assertThat(sfn.listStateMachines().stateMachines()).extracting(s -> s.name()).containsExactly("crud");

        sfn.deleteStateMachine(b -> b.stateMachineArn(arn));
        assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn(arn)))
                .isInstanceOf(StateMachineDoesNotExistException.class);
    }

    @Test
    void createStateMachine_whenDefinitionInvalid_namesTheProblemAndLocation() {
        assertThatThrownBy(() -> create("bad", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"}}}"))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("MISSING_TRANSITION_TARGET")
                .hasMessageContaining("/States/A/Next");
    }

    @Test
    void startExecution_whenSameNameAndInputWhileRunning_isIdempotent_elseAlreadyExists() throws Exception {
        String sm = create("idem", CALLBACK);
        String first = sfn.startExecution(b -> b.stateMachineArn(sm).name("n1").input("{\"a\":1}")).executionArn();
        String again = sfn.startExecution(b -> b.stateMachineArn(sm).name("n1").input("{\"a\":1}")).executionArn();
        assertThat(again).isEqualTo(first).endsWith(":execution:idem:n1");

        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(sm).name("n1").input("{\"a\":2}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class);
        sfn.stopExecution(b -> b.executionArn(first).error("Stop").cause("test"));
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(sm).name("n1").input("{\"a\":1}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class);
        assertThat(sfn.describeExecution(b -> b.executionArn(first)).status()).isEqualTo(ExecutionStatus.ABORTED);
    }

    @Test
    void callbacks_whenSentThroughSdk_completeOnceThenTaskTimedOut() throws Exception {
        String sm = create("cb", CALLBACK);
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm).input("{}")).executionArn();
        String token = awaitToken();

        sfn.sendTaskHeartbeat(b -> b.taskToken(token));
        sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"ok\":true}"));

        assertThat(await(arn)).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(sfn.describeExecution(b -> b.executionArn(arn)).output()).isEqualTo("{\"ok\":true}");
        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")))
                .isInstanceOf(TaskTimedOutException.class);
        assertThatThrownBy(() -> sfn.sendTaskHeartbeat(b -> b.taskToken(token)))
                .isInstanceOf(TaskTimedOutException.class);
        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken("not-a-token").output("{}")))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void sendTaskFailure_whenSent_failsTheExecutionWithThatError() throws Exception {
        String sm = create("cbf", CALLBACK);
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm).input("{}")).executionArn();
        sfn.sendTaskFailure(b -> b.taskToken(awaitTokenUnchecked()).error("Approval.Denied").cause("no"));

        assertThat(await(arn)).isEqualTo(ExecutionStatus.FAILED);
        var d = sfn.describeExecution(b -> b.executionArn(arn));
        assertThat(d.error()).isEqualTo("Approval.Denied");
        assertThat(d.cause()).isEqualTo("no");
    }

    private String awaitTokenUnchecked() {
        try {
            return awaitToken();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void getExecutionHistory_whenPaged_returnsEveryEventOnceInEitherOrder() throws Exception {
        String sm = create("hist", PASS);
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"x\":1}")).executionArn();
        assertThat(await(arn)).isEqualTo(ExecutionStatus.SUCCEEDED);

        List<HistoryEvent> forward = sfn.getExecutionHistoryPaginator(b -> b.executionArn(arn).maxResults(3))
                .events().stream().toList();
        List<HistoryEvent> reverse = sfn.getExecutionHistoryPaginator(b -> b.executionArn(arn).maxResults(2).reverseOrder(true))
                .events().stream().toList();

        assertThat(forward).extracting(HistoryEvent::type).containsExactly(HistoryEventType.EXECUTION_STARTED,
                HistoryEventType.PASS_STATE_ENTERED, HistoryEventType.PASS_STATE_EXITED,
                HistoryEventType.PASS_STATE_ENTERED, HistoryEventType.PASS_STATE_EXITED,
                HistoryEventType.PASS_STATE_ENTERED, HistoryEventType.PASS_STATE_EXITED,
                HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(forward).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(reverse).extracting(HistoryEvent::id).containsExactly(8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(forward.get(0).executionStartedEventDetails().input()).isEqualTo("{\"x\":1}");
        assertThat(forward.get(1).stateEnteredEventDetails().name()).isEqualTo("A");
        assertThat(forward.get(7).executionSucceededEventDetails().output()).isEqualTo("{\"x\":1}");
    }

    @Test
    void listExecutions_whenFilteredAndPaged_returnsNewestFirst() throws Exception {
        String sm = create("list", PASS);
        for (int i = 0; i < 5; i++) {
            String name = "e" + i;
            await(sfn.startExecution(b -> b.stateMachineArn(sm).name(name)).executionArn());
        }
        String running = create("list2", CALLBACK);
        sfn.startExecution(b -> b.stateMachineArn(running).name("r"));

        var names = sfn.listExecutionsPaginator(b -> b.stateMachineArn(sm).maxResults(2)).executions().stream()
                .map(e -> e.name()).toList();
        assertThat(names).containsExactly("e4", "e3", "e2", "e1", "e0");
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(sm).statusFilter(ExecutionStatus.RUNNING)).executions()).isEmpty();
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(running).statusFilter(ExecutionStatus.RUNNING)).executions())
                .hasSize(1);
        assertThatThrownBy(() -> sfn.listExecutions(b -> b.stateMachineArn(sm).nextToken("garbage!")))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void redriveExecution_whenFailed_rerunsOnlyTheFailedStateUnderTheSameArn() throws Exception {
        String sm = create("redrive", FAIL_ONCE);
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm).name("x")).executionArn();
        assertThat(await(arn)).isEqualTo(ExecutionStatus.FAILED);
        assertThat(sfn.describeExecution(b -> b.executionArn(arn)).redriveStatusAsString()).isEqualTo("REDRIVABLE");

        eventsBroken = false;
        sfn.redriveExecution(b -> b.executionArn(arn));

        assertThat(await(arn)).isEqualTo(ExecutionStatus.SUCCEEDED);
        var d = sfn.describeExecution(b -> b.executionArn(arn));
        assertThat(d.redriveCount()).isEqualTo(1);
        List<HistoryEventType> types = sfn.getExecutionHistory(b -> b.executionArn(arn)).events().stream()
                .map(HistoryEvent::type).toList();
        assertThat(types.stream().filter(HistoryEventType.PASS_STATE_ENTERED::equals)).hasSize(1);
        assertThat(types).contains(HistoryEventType.EXECUTION_FAILED, HistoryEventType.EXECUTION_REDRIVEN)
                .endsWith(HistoryEventType.EXECUTION_SUCCEEDED);
        assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(arn)))
                .isInstanceOf(ExecutionNotRedrivableException.class);
    }

    @Test
    void describeExecution_whenUnknown_isExecutionDoesNotExist() {
        assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn(
                "arn:aws:states:us-east-1:000000000000:execution:none:x")))
                .isInstanceOf(ExecutionDoesNotExistException.class);
    }
}
