package dev.scangate.local.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.local.commands.SfnStub.Response;
import dev.scangate.local.commands.aws.SfnExecutions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedriveCommandTest {

    private final SfnStub sfn = SfnStub.start();
    private final TestConsole console = TestConsole.plain();

    @AfterEach
    void stop() {
        sfn.close();
    }

    private void execution(ObjectNode e) {
        sfn.on("ListExecutions", b -> Response.ok(Fixtures.list(e)));
        sfn.on("DescribeExecution", b -> Response.ok(e.toString()));
    }

    private RedriveCommand command() {
        return new RedriveCommand(new SfnExecutions(sfn.client()), Fixtures.SM, console.console());
    }

    @Test
    void run_whenRunFailed_redrivesItsExecution() {
        execution(Fixtures.execution("run-f", "FAILED", "run-f").put("redriveStatus", "REDRIVABLE"));
        sfn.on("RedriveExecution", b -> Response.ok("{\"redriveDate\":" + (Fixtures.START + 600) + "}"));

        int exit = command().run("run-f", false);

        assertThat(exit).isZero();
        assertThat(sfn.calls("RedriveExecution")).hasSize(1);
        assertThat(sfn.calls("RedriveExecution").get(0).body().path("executionArn").asText())
                .isEqualTo(Fixtures.arn("run-f"));
        assertThat(console.output()).contains("Redriving run run-f (execution run-f, was FAILED, redrive 1)")
                .contains("redriven at 2026-03-23 10:10:00Z");
    }

    @Test
    void run_whenDescribeSaysNotRedrivable_explainsWithoutCallingRedrive() {
        execution(Fixtures.execution("run-s", "SUCCEEDED", "run-s").put("redriveStatus", "NOT_REDRIVABLE")
                .put("redriveStatusReason", "Execution is SUCCEEDED and cannot be redriven"));

        assertThatThrownBy(() -> command().run("run-s", false))
                .isInstanceOf(CommandException.class)
                .hasMessage("Run run-s cannot be redriven: Execution is SUCCEEDED and cannot be redriven;"
                        + " only FAILED, TIMED_OUT or ABORTED runs can be redriven");
        assertThat(sfn.calls("RedriveExecution")).isEmpty();
    }

    @Test
    void run_whenServiceRefusesRedrive_explainsWithItsReason() {
        execution(Fixtures.execution("run-o", "FAILED", "run-o"));
        sfn.on("RedriveExecution", b -> Response.error("ExecutionNotRedrivable",
                "Execution redrivable period exceeded"));

        assertThatThrownBy(() -> command().run("run-o", false))
                .isInstanceOf(CommandException.class)
                .hasMessage("Run run-o cannot be redriven: Execution redrivable period exceeded;"
                        + " only FAILED, TIMED_OUT or ABORTED runs can be redriven, or start it again: scangate replay run-o");
    }

    @Test
    void run_whenWaitAndRedriveSucceeds_followsTheRunToItsEnd() {
        ObjectNode failed = Fixtures.execution("run-w", "FAILED", "run-w");
        sfn.on("ListExecutions", b -> Response.ok(Fixtures.list(failed)));
        java.util.concurrent.atomic.AtomicInteger describes = new java.util.concurrent.atomic.AtomicInteger();
        sfn.on("DescribeExecution", b -> Response.ok(describes.incrementAndGet() == 1 ? failed.toString()
                : Fixtures.execution("run-w", "SUCCEEDED", "run-w").toString()));
        sfn.on("RedriveExecution", b -> Response.ok("{\"redriveDate\":" + Fixtures.START + "}"));

        int exit = command().run("run-w", true);

        assertThat(exit).isZero();
        assertThat(console.output()).contains("Run run-w SUCCEEDED");
    }
}
