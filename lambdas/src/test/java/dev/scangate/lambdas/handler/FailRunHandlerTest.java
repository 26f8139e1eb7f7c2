package dev.scangate.lambdas.handler;

import static dev.scangate.lambdas.testing.Invocations.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scangate.lambdas.core.RunFailedException;
import dev.scangate.lambdas.core.StepInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailRunHandlerTest {

    private final FailRunHandler handler = new FailRunHandler(Map.of());

    @Test
    void handle_whenTheFailureWasRecordedInThisPass_failsTheRunNamingStateErrorAndCause() {
        assertThatThrownBy(() -> invoke(handler, event("ApplyDecision", 0, 0)))
                .isInstanceOf(RunFailedException.class)
                .hasMessageContaining("Run run-1 failed in ApplyDecision")
                .hasMessageContaining("dev.scangate.lambdas.core.StepInputException: decisions: unknown key")
                .hasMessageContaining("redrive this execution (it re-runs ApplyDecision)");
    }

    @ParameterizedTest
    @CsvSource({"0, 1", "0, 3", "2, 3"})
    void handle_whenTheExecutionWasRedrivenSinceTheFailure_resumesAtTheFailedState(int recorded, int now) {
        var result = invoke(handler, event("CheckScan", recorded, now));

        assertThat(result.get("resume").asText()).isEqualTo("CheckScan");
    }

    @Test
    void handle_whenTheResumedStepFailedAgainUnderTheSameRedrive_failsAgain() {
        assertThatThrownBy(() -> invoke(handler, event("CheckScan", 1, 1))).isInstanceOf(RunFailedException.class);
    }

    @Test
    void handle_whenTheCauseIsHuge_truncatesItInTheMessage() {
        String cause = "x".repeat(100_000);
        String event = "{\"runId\":\"r\",\"redriveCount\":0,\"failure\":{\"state\":\"StageObjects\",\"error\":\"E\",\"cause\":\""
                + cause + "\",\"redriveCount\":0}}";

        assertThatThrownBy(() -> invoke(handler, event))
                .isInstanceOf(RunFailedException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(5_000).contains("x…"));
    }

    @Test
    void handle_whenErrorAndCauseAreMissing_stillFailsTheRun() {
        String event = "{\"runId\":\"r\",\"redriveCount\":0,\"failure\":{\"state\":\"StartScan\",\"error\":null,\"redriveCount\":0}}";

        assertThatThrownBy(() -> invoke(handler, event))
                .isInstanceOf(RunFailedException.class)
                .hasMessageContaining("failed in StartScan with null: no cause given");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"redriveCount\":0,\"failure\":{\"state\":\"S\",\"redriveCount\":0}}                    | runId",
            "{\"runId\":\"r\",\"redriveCount\":0}                                                        | failure",
            "{\"runId\":\"r\",\"redriveCount\":0,\"failure\":{\"redriveCount\":0}}                      | failure.state",
            "{\"runId\":\"r\",\"redriveCount\":0,\"failure\":{\"state\":\"S\"}}                         | failure.redriveCount",
            "{\"runId\":\"r\",\"failure\":{\"state\":\"S\",\"redriveCount\":0}}                         | redriveCount",
            "{\"runId\":\"r\",\"redriveCount\":-1,\"failure\":{\"state\":\"S\",\"redriveCount\":0}}     | redriveCount",
            "{\"runId\":\"r\",\"redriveCount\":\"1\",\"failure\":{\"state\":\"S\",\"redriveCount\":0}}  | redriveCount"})
    void handle_whenTheEventIsIncomplete_namesTheField(String event, String field) {
        assertThatThrownBy(() -> invoke(handler, event))
                .isInstanceOf(StepInputException.class)
                .satisfies(e -> assertThat(((StepInputException) e).field()).isEqualTo(field));
    }

    private static String event(String state, int recordedRedrives, int redrives) {
        return """
                {"runId": "run-1", "redriveCount": %d,
                 "failure": {"state": "%s", "error": "dev.scangate.lambdas.core.StepInputException",
                             "cause": "decisions: unknown key", "redriveCount": %d}}
                """.formatted(redrives, state, recordedRedrives);
    }
}
