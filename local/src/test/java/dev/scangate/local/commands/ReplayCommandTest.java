package dev.scangate.local.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.local.commands.SfnStub.Response;
import dev.scangate.local.commands.aws.SfnExecutions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReplayCommandTest {

    private final SfnStub sfn = SfnStub.start();
    private final TestConsole console = TestConsole.plain();

    @AfterEach
    void stop() {
        sfn.close();
    }

    private void executions(ObjectNode... all) {
        sfn.on("ListExecutions", b -> Response.ok(Fixtures.list(all)));
        sfn.on("DescribeExecution", b -> Response.ok(List.of(all).stream()
                .filter(e -> e.path("executionArn").asText().equals(b.path("executionArn").asText()))
                .findFirst().orElseThrow().toString()));
        sfn.on("StartExecution", b -> Response.ok("{\"executionArn\":\"" + Fixtures.arn(b.path("name").asText())
                + "\",\"startDate\":" + Fixtures.START + "}"));
    }

    private ReplayCommand command() {
        return new ReplayCommand(new SfnExecutions(sfn.client()), Fixtures.SM, console.console());
    }

    @Test
    void run_whenRunHasFailedAttempts_startsNextReplayWithTheSameInput() {
        ObjectNode first = Fixtures.execution("run-x", "FAILED", "run-x");
        first.put("input", "{\"id\":\"run-x\",\"note\":\"kept\"}");
        executions(Fixtures.execution("run-x-replay-2", "FAILED", "run-x"),
                Fixtures.execution("other", "SUCCEEDED", "other"),
                Fixtures.execution("run-x-replay-1", "FAILED", "run-x"), first);
        // The newest attempt's input is what is replayed; make it the richer one too.
        sfn.on("DescribeExecution", b -> Response.ok(first.deepCopy()
                .put("executionArn", b.path("executionArn").asText()).toString()));

        int exit = command().run("run-x", false);

        assertThat(exit).isZero();
        var start = sfn.calls("StartExecution").get(0).body();
        assertThat(start.path("name").asText()).isEqualTo("run-x-replay-3");
        assertThat(start.path("input").asText()).isEqualTo("{\"id\":\"run-x\",\"note\":\"kept\"}");
        assertThat(start.path("stateMachineArn").asText()).isEqualTo(Fixtures.SM);
        assertThat(console.output()).contains("Replaying run run-x as execution run-x-replay-3");
    }

    @Test
    void run_whenRunStillRunning_refusesWithoutStarting() {
        executions(Fixtures.execution("run-y", "RUNNING", "run-y"));

        assertThatThrownBy(() -> command().run("run-y", false))
                .isInstanceOf(CommandException.class)
                .hasMessage("Run run-y is still running as execution run-y; replay it once that ends");
        assertThat(sfn.calls("StartExecution")).isEmpty();
    }

    @Test
    void run_whenRunIsKnownOnlyByInputId_findsItAndNamesReplayAfterTheRunId() {
        executions(Fixtures.execution("scheduled-5a7e", "FAILED", "evt-123"));

        command().run("evt-123", false);

        var start = sfn.calls("StartExecution").get(0).body();
        assertThat(start.path("name").asText()).isEqualTo("evt-123-replay-1");
        assertThat(start.path("input").asText()).isEqualTo("{\"id\":\"evt-123\"}");
    }

    @Test
    void run_whenReplayNameWouldBeTooLong_refusesNamingTheLimit() {
        String longId = "r".repeat(75);
        executions(Fixtures.execution(longId, "FAILED", longId));

        assertThatThrownBy(() -> command().run(longId, false))
                .isInstanceOf(CommandException.class)
                .hasMessageEndingWith("would exceed 80 characters");
        assertThat(sfn.calls("StartExecution")).isEmpty();
    }

    @Test
    void run_whenRunUnknown_failsNamingIt() {
        executions(Fixtures.execution("other", "SUCCEEDED", "other"));

        assertThatThrownBy(() -> command().run("nope", false))
                .isInstanceOf(CommandException.class)
                .hasMessage("No run nope found among the newest 1 executions of " + Fixtures.SM);
    }
}
