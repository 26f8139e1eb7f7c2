package dev.scangate.lambdas.handler;

import static dev.scangate.lambdas.testing.Invocations.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scangate.lambdas.core.StepInputException;
import dev.scangate.lambdas.testing.Fixtures;
import dev.scangate.lambdas.testing.RecordedResponseServer;
import dev.scangate.lambdas.testing.RecordedResponseServer.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckScanHandlerTest {

    static final String JOB = "8df4fca1eccfdae45d8b936a21f1882d";

    static RecordedResponseServer macie;

    @BeforeAll
    static void startMacie() {
        macie = RecordedResponseServer.start();
    }

    @AfterAll
    static void stopMacie() {
        macie.close();
    }

    @BeforeEach
    void reset() {
        macie.reset();
    }

    @ParameterizedTest
    @CsvSource({
            "COMPLETE, COLLECT",
            "RUNNING, WAIT",
            "IDLE, WAIT",
            "PAUSED, WAIT",
            "CANCELLED, FAIL_CLOSED",
            "USER_PAUSED, FAIL_CLOSED",
            "SOMETHING_NEW, FAIL_CLOSED"})
    void check_whenJobHasStatus_decides(String status, String decision) {
        jobStatus(status);

        var result = invoke(handler(), event(0, 10, 2, 600));

        assertThat(result.get("jobStatus").asText()).isEqualTo(status);
        assertThat(result.get("decision").asText()).isEqualTo(decision);
        assertThat(macie.requests("GET", "/jobs/" + JOB)).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"0, 1, 20", "1, 2, 40", "2, 3, 80", "5, 6, 600", "40, 41, 600"})
    void check_whenWaiting_backsOffExponentiallyUpToTheCap(int attempt, int nextAttempt, int wait) {
        jobStatus("RUNNING");

        var result = invoke(handler(), event(attempt, 10, 2, 600));

        assertThat(result.get("attempt").asInt()).isEqualTo(nextAttempt);
        assertThat(result.get("nextWaitSeconds").asInt()).isEqualTo(wait);
    }

    @Test
    void check_whenJobUnknown_namesTheJobId() {
        macie.respond("GET /jobs/*", r -> Response.error(404, "ResourceNotFoundException", "no such job"));

        assertThatThrownBy(() -> invoke(handler(), event(0, 10, 2, 600)))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("jobId:").hasMessageContaining(JOB);
    }

    @Test
    void check_whenBackoffIncomplete_namesTheFieldAndCallsNothing() {
        assertThatThrownBy(() -> invoke(handler(),
                "{\"runId\": \"run-1\", \"jobId\": \"" + JOB + "\", \"attempt\": 0, \"backoff\": {\"firstSeconds\": 5, \"capSeconds\": 60}}"))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("backoff.factor:");
        assertThatThrownBy(() -> invoke(handler(), event(0, 10, 0.5, 60)))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("backoff.factor:");
        assertThatThrownBy(() -> invoke(handler(), "{\"runId\": \"run-1\", \"attempt\": 0, \"backoff\": {}}"))
                .isInstanceOf(StepInputException.class);
        assertThat(macie.requests()).isEmpty();
    }

    private static void jobStatus(String status) {
        macie.respond("GET /jobs/" + JOB, Fixtures.read("macie/describe-classification-job.json", Map.of("status", status)));
    }

    private static CheckScanHandler handler() {
        return new CheckScanHandler(StartScanHandlerTest.environmentFor(macie));
    }

    private static String event(int attempt, double first, double factor, double cap) {
        return "{\"runId\": \"run-1\", \"jobId\": \"" + JOB + "\", \"attempt\": " + attempt
                + ", \"backoff\": {\"firstSeconds\": " + first + ", \"factor\": " + factor + ", \"capSeconds\": " + cap + "}}";
    }
}
