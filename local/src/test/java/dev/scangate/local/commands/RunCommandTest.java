package dev.scangate.local.commands;

import static dev.scangate.local.commands.Fixtures.ev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scangate.lambdas.aws.AwsClientFactory;
import dev.scangate.local.commands.SfnStub.Response;
import dev.scangate.local.commands.aws.SfnExecutions;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunCommandTest {

    private final SfnStub sfn = SfnStub.start();
    private final TestConsole console = TestConsole.plain();
    private final RunIds ids = new RunIds(Clock.fixed(TestConsole.NOW, ZoneOffset.UTC), new Random(1));

    @AfterEach
    void stop() {
        sfn.close();
    }

    private RunCommand command() {
        return new RunCommand(new SfnExecutions(sfn.client()), Fixtures.SM, ids, console.console());
    }

    private void startReturnsArn() {
        sfn.on("StartExecution", b -> Response.ok("{\"executionArn\":\"" + Fixtures.arn(b.path("name").asText())
                + "\",\"startDate\":" + Fixtures.START + "}"));
    }

    @Test
    void run_whenNoId_startsExecutionNamedAfterGeneratedRunIdWithIdInput() throws Exception {
        startReturnsArn();

        int exit = command().run(null, false);

        assertThat(exit).isEqualTo(ExitCodes.OK);
        var call = sfn.calls("StartExecution").get(0).body();
        String name = call.path("name").asText();
        assertThat(name).matches("run-20260323-101500-[0-9a-f]{4}");
        assertThat(call.path("stateMachineArn").asText()).isEqualTo(Fixtures.SM);
        assertThat(SfnStub.JSON.readTree(call.path("input").asText()))
                .isEqualTo(SfnStub.JSON.createObjectNode().put("id", name));
        assertThat(console.output()).contains("Started run " + name).contains(Fixtures.arn(name));
        assertThat(sfn.calls("DescribeExecution")).isEmpty();
    }

    @Test
    void run_whenWaitAndRunReachesApproval_reportsWaitingForApproval() {
        startReturnsArn();
        sfn.on("DescribeExecution", b -> Response.ok(Fixtures.execution("r1", "RUNNING", "r1").toString()));
        AtomicInteger polls = new AtomicInteger();
        sfn.on("GetExecutionHistory", b -> Response.ok(polls.incrementAndGet() == 1
                ? Fixtures.history(true, ev("ExecutionStarted"), ev("TaskStateEntered", "StageObjects"))
                : Fixtures.history(true, ev("ExecutionStarted"), ev("TaskStateEntered", "RequestApproval"),
                        ev("TaskScheduled", "lambda:invoke.waitForTaskToken"), ev("TaskStarted"), ev("TaskSubmitted"))));

        int exit = command().run("r1", true);

        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(sfn.calls("GetExecutionHistory").get(0).body().path("reverseOrder").asBoolean()).isTrue();
        assertThat(console.output())
                .contains("r1  RUNNING  StageObjects")
                .contains("r1  RUNNING  RequestApproval (waiting for approval)")
                .contains("Run r1 is waiting for approval (state RequestApproval).");
    }

    @Test
    void run_whenWaitAndRunSucceeds_printsStatusAndExitsZero() {
        startReturnsArn();
        AtomicInteger describes = new AtomicInteger();
        sfn.on("DescribeExecution", b -> Response.ok(Fixtures.execution("r2", describes.incrementAndGet() < 3
                ? "RUNNING" : "SUCCEEDED", "r2").toString()));
        sfn.on("GetExecutionHistory", b -> Response.ok(Fixtures.history(true, ev("ExecutionStarted"),
                ev("TaskStateEntered", "RouteObjects"))));

        int exit = command().run("r2", true);

        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(describes.get()).isEqualTo(3);
        assertThat(console.output()).contains("Run r2 SUCCEEDED in 1m15s.");
    }

    @Test
    void run_whenRunFails_printsErrorAndExitsThree() {
        startReturnsArn();
        sfn.on("DescribeExecution", b -> Response.ok(Fixtures.execution("r3", "FAILED", "r3")
                .put("error", "States.TaskFailed").put("cause", "CheckScan failed").toString()));

        int exit = command().run("r3", true);

        assertThat(exit).isEqualTo(ExitCodes.RUN_NOT_SUCCEEDED);
        assertThat(console.output()).contains("Run r3 FAILED after 1m15s: States.TaskFailed (CheckScan failed)")
                .contains("scangate redrive r3");
    }

    @Test
    void run_whenExecutionNameTaken_failsWithReplayHint() {
        sfn.on("StartExecution", b -> Response.error("ExecutionAlreadyExists", "Execution Already Exists"));

        assertThatThrownBy(() -> command().run("r4", false))
                .isInstanceOf(CommandException.class)
                .hasMessage("Run r4 already exists; to run it again: scangate replay r4");
    }

    @Test
    void run_whenRunIdInvalid_failsBeforeCallingTheService() {
        assertThatThrownBy(() -> command().run("bad id!", false))
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("Invalid run id 'bad id!'");
        assertThat(sfn.calls("StartExecution")).isEmpty();
    }

    @Test
    void run_whenEndpointDown_failsWithOneLineNamingTheEndpoint() {
        try (var client = AwsClientFactory.forEndpoint(URI.create("http://127.0.0.1:1")).sfn()) {
            var unreachable = new RunCommand(new SfnExecutions(client), Fixtures.SM, ids, console.console());

            assertThatThrownBy(() -> unreachable.run("r5", false))
                    .isInstanceOf(CommandException.class)
                    .hasMessageStartingWith("StartExecution failed: cannot reach the service at http://127.0.0.1:1")
                    .hasMessageNotContaining("\n");
        }
    }
}
