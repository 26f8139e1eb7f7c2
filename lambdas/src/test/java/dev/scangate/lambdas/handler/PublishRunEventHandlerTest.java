package dev.scangate.lambdas.handler;

import static dev.scangate.lambdas.testing.Invocations.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scangate.lambdas.aws.events.EventBridgeRunEvents;
import dev.scangate.lambdas.core.RetryableStepException;
import dev.scangate.lambdas.core.StepInputException;
import dev.scangate.lambdas.testing.Invocations;
import dev.scangate.lambdas.testing.RecordedResponseServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PublishRunEventHandlerTest {

    static final String PUT_EVENTS = "POST /#AWSEvents.PutEvents";

    static RecordedResponseServer eventBridge;

    @BeforeAll
    static void start() {
        eventBridge = RecordedResponseServer.start();
    }

    @AfterAll
    static void stop() {
        eventBridge.close();
    }

    @BeforeEach
    void reset() {
        eventBridge.reset();
        eventBridge.respond(PUT_EVENTS, "{\"FailedEntryCount\": 0, \"Entries\": [{\"EventId\": \"e-1\"}]}");
    }

    @Test
    void publish_whenAllClean_putsOneScangateEventWithCountsAndReportLocation() {
        var result = invoke(handler(), "{\"runId\": \"run-1\", \"outcome\": \"ALL_CLEAN\", \"reportKey\": \"reports/run-1.json\","
                + " \"counts\": {\"total\": 2, \"clean\": 2, \"flagged\": 0, \"unscanned\": 0}}");

        assertThat(result.toString()).isEqualTo("{\"eventId\":\"e-1\"}");
        var entry = eventBridge.requests().get(0).json().at("/Entries/0");
        assertThat(entry.get("Source").asText()).isEqualTo("scangate");
        assertThat(entry.get("DetailType").asText()).isEqualTo("ScanGate Run All Clean");
        assertThat(entry.get("EventBusName").asText()).isEqualTo("scangate-bus");
        var detail = Invocations.parse(entry.get("Detail").asText());
        assertThat(detail.get("runId").asText()).isEqualTo("run-1");
        assertThat(detail.get("outcome").asText()).isEqualTo("ALL_CLEAN");
        assertThat(detail.at("/counts/clean").asInt()).isEqualTo(2);
        assertThat(detail.get("reportLocation").asText()).isEqualTo("s3://scangate-scan-stage/reports/run-1.json");
        assertThat(detail.has("failure")).isFalse();
    }

    @Test
    void publish_whenFailedWithoutReport_carriesTheFailureAndANullLocation() {
        invoke(handler(), "{\"runId\": \"bad id!\", \"outcome\": \"FAILED\", \"reportKey\": null,"
                + " \"counts\": {\"total\": 0}, \"failure\": {\"state\": \"StageObjects\", \"error\": \"x\", \"cause\": \"y\"}}");

        var entry = eventBridge.requests().get(0).json().at("/Entries/0");
        assertThat(entry.get("DetailType").asText()).isEqualTo("ScanGate Run Failed");
        var detail = Invocations.parse(entry.get("Detail").asText());
        assertThat(detail.get("reportLocation").isNull()).isTrue();
        assertThat(detail.at("/failure/state").asText()).isEqualTo("StageObjects");
    }

    @Test
    void publish_whenEveryOutcome_usesItsDetailType() {
        var expected = Map.of("NOTHING_TO_SCAN", "ScanGate Run Nothing To Scan", "REVIEWED", "ScanGate Run Reviewed",
                "APPROVAL_EXPIRED", "ScanGate Approval Expired");
        expected.forEach((outcome, detailType) -> {
            eventBridge.reset();
            eventBridge.respond(PUT_EVENTS, "{\"FailedEntryCount\": 0, \"Entries\": [{\"EventId\": \"e\"}]}");
            invoke(handler(), "{\"runId\": \"r\", \"outcome\": \"" + outcome + "\", \"counts\": {}}");
            assertThat(eventBridge.requests().get(0).json().at("/Entries/0/DetailType").asText()).isEqualTo(detailType);
        });
    }

    @Test
    void publish_whenEntryThrottled_throwsRetryable() {
        eventBridge.respond(PUT_EVENTS, "{\"FailedEntryCount\": 1, \"Entries\": [{\"ErrorCode\": \"ThrottlingException\", \"ErrorMessage\": \"slow down\"}]}");

        assertThatThrownBy(() -> invoke(handler(), "{\"runId\": \"r\", \"outcome\": \"ALL_CLEAN\", \"counts\": {}}"))
                .isInstanceOf(RetryableStepException.class).hasMessageContaining("ThrottlingException");
    }

    @Test
    void publish_whenEntryRefused_failsNamingTheErrorCode() {
        eventBridge.respond(PUT_EVENTS, "{\"FailedEntryCount\": 1, \"Entries\": [{\"ErrorCode\": \"AccessDeniedException\", \"ErrorMessage\": \"no\"}]}");

        assertThatThrownBy(() -> invoke(handler(), "{\"runId\": \"r\", \"outcome\": \"ALL_CLEAN\", \"counts\": {}}"))
                .isInstanceOf(EventBridgeRunEvents.EventPublishException.class).hasMessageContaining("AccessDeniedException");
    }

    @Test
    void publish_whenInputBad_namesTheFieldAndPutsNothing() {
        assertThatThrownBy(() -> invoke(handler(), "{\"runId\": \"r\", \"outcome\": \"DONE\", \"counts\": {}}"))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("outcome:");
        assertThatThrownBy(() -> invoke(handler(), "{\"outcome\": \"ALL_CLEAN\", \"counts\": {}}"))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("runId:");
        assertThatThrownBy(() -> invoke(handler(), "{\"runId\": \"r\", \"outcome\": \"ALL_CLEAN\", \"counts\": 3}"))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("counts:");
        assertThat(eventBridge.requests()).isEmpty();
    }

    private static PublishRunEventHandler handler() {
        var env = new HashMap<>(StartScanHandlerTest.environmentFor(eventBridge));
        env.put("EVENT_BUS_NAME", "scangate-bus");
        return new PublishRunEventHandler(env);
    }
}
