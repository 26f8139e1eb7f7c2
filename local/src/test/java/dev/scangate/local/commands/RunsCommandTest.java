package dev.scangate.local.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scangate.local.commands.SfnStub.Response;
import dev.scangate.local.commands.aws.SfnExecutions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunsCommandTest {

    private final SfnStub sfn = SfnStub.start();
    private final TestConsole console = TestConsole.plain();

    @AfterEach
    void stop() {
        sfn.close();
    }

    private RunsCommand command() {
        return new RunsCommand(new SfnExecutions(sfn.client()), Fixtures.SM, console.console());
    }

    @Test
    void run_whenExecutionsExist_printsRunIdFromInputStatusStartAndDuration() {
        var replay = Fixtures.execution("run-a-replay-1", "RUNNING", "run-a");
        var original = Fixtures.execution("run-a", "FAILED", "run-a");
        var scheduled = Fixtures.execution("4c1f-event", "SUCCEEDED", "evt-77");
        sfn.on("ListExecutions", b -> Response.ok(Fixtures.list(replay, original, scheduled)));
        sfn.on("DescribeExecution", b -> Response.ok(java.util.stream.Stream.of(replay, original, scheduled)
                .filter(e -> e.path("executionArn").asText().equals(b.path("executionArn").asText()))
                .findFirst().orElseThrow().toString()));

        int exit = command().run(20);

        assertThat(exit).isZero();
        assertThat(sfn.calls("ListExecutions").get(0).body().path("stateMachineArn").asText()).isEqualTo(Fixtures.SM);
        assertThat(console.output().lines().toList()).containsExactly(
                "RUN     STATUS     STARTED               DURATION  EXECUTION",
                "run-a   RUNNING    2026-03-23 10:00:00Z  15m00s    run-a-replay-1",
                "run-a   FAILED     2026-03-23 10:00:00Z  1m15s     run-a",
                "evt-77  SUCCEEDED  2026-03-23 10:00:00Z  1m15s     4c1f-event");
    }

    @Test
    void run_whenNoExecutions_saysHowToStartOne() {
        sfn.on("ListExecutions", b -> Response.ok("{\"executions\":[]}"));

        command().run(20);

        assertThat(console.output()).isEqualTo("No runs yet. Start one with: scangate run --wait\n");
    }

    @Test
    void run_whenLimitGiven_asksForThatManyAndFollowsPages() {
        var e1 = Fixtures.execution("r1", "SUCCEEDED", "r1");
        var e2 = Fixtures.execution("r2", "SUCCEEDED", "r2");
        sfn.on("ListExecutions", b -> Response.ok(b.has("nextToken")
                ? Fixtures.list(e2)
                : Fixtures.list(e1).replace("]}", "],\"nextToken\":\"page2\"}")));
        sfn.on("DescribeExecution", b -> Response.ok(e1.toString()));

        command().run(2);

        assertThat(sfn.calls("ListExecutions")).hasSize(2);
        assertThat(sfn.calls("ListExecutions").get(0).body().path("maxResults").asInt()).isEqualTo(2);
        assertThat(sfn.calls("ListExecutions").get(1).body().path("nextToken").asText()).isEqualTo("page2");
    }

    @Test
    void run_whenStateMachineMissing_failsWithOneLine() {
        sfn.on("ListExecutions", b -> Response.error("StateMachineDoesNotExist", "State Machine Does Not Exist"));

        assertThatThrownBy(() -> command().run(20))
                .isInstanceOf(CommandException.class)
                .hasMessage("State machine " + Fixtures.SM + " does not exist");
    }
}
