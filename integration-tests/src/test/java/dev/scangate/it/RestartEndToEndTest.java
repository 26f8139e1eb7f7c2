package dev.scangate.it;

import static dev.scangate.local.runtime.LocalResources.CURATED_BUCKET;
import static dev.scangate.local.runtime.LocalResources.MANUAL_REVIEW_BUCKET;
import static dev.scangate.local.runtime.LocalResources.SCAN_STAGE_BUCKET;
import static dev.scangate.local.runtime.LocalResources.STATE_MACHINE_ARN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scangate.it.support.ApprovalLink;
import dev.scangate.it.support.ReviewHttp;
import dev.scangate.it.support.Samples;
import dev.scangate.it.support.GatedScanner;
import dev.scangate.it.support.TestRuntime;
import dev.scangate.local.macie.scanner.SensitiveDataScanners;
import dev.scangate.it.support.Waits;
import dev.scangate.local.runtime.LocalConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** The runtime stops while a run waits (for a person, for its scan); a new runtime on the same data directory finishes it. */
class RestartEndToEndTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path scratch;

    @Test
    void decide_whenTheRuntimeRestartedWhileTheRunWaited_finishesTheRunWithNothingLostOrDuplicated() {
        String runId = "restarted-run";
        LocalConfig config = TestRuntime.config(dataDir, TestRuntime.freePort()).build();
        Map<String, byte[]> sensitive = Samples.under(scratch, runId, true);
        List<String> keys = new ArrayList<>(sensitive.keySet());
        String approvedKey = keys.get(0);
        String deniedKey = keys.get(1);
        String executionArn;
        ApprovalLink link;
        try (var first = TestRuntime.start(config)) {
            sensitive.forEach(first::putRaw);
            executionArn = first.startRun(runId);
            link = first.awaitApprovalRequest(runId).reviewLink().orElseThrow();
        }

        try (var second = TestRuntime.start(config)) {
            assertThat(second.describe(executionArn).status()).isEqualTo(ExecutionStatus.RUNNING);
            assertThat(second.keys(MANUAL_REVIEW_BUCKET, "runs/" + runId + "/")).hasSize(keys.size());
            assertThat(new ReviewHttp().get(link.reviewPage()).status()).as("the mailed link survives the restart").isEqualTo(200);

            var decisions = new java.util.LinkedHashMap<String, String>();
            keys.forEach(k -> decisions.put(k, k.equals(approvedKey) ? "APPROVE" : "DENY"));
            var response = new ReviewHttp().decide(link, decisions, TestRuntime.APPROVER);
            assertThat(response.status()).as(response.body()).isEqualTo(200);

            assertThat(second.awaitEnd(executionArn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(second.read(CURATED_BUCKET, approvedKey)).isEqualTo(sensitive.get(approvedKey));
            assertThat(second.versionCount(CURATED_BUCKET, approvedKey)).as("promoted once").isEqualTo(1);
            assertThat(second.keys(CURATED_BUCKET, deniedKey)).isEmpty();
            assertThat(second.versionCount(MANUAL_REVIEW_BUCKET, "runs/" + runId + "/" + deniedKey))
                    .as("the denied object is recoverable").isEqualTo(1);
            assertThat(second.keys(MANUAL_REVIEW_BUCKET, "runs/" + runId + "/")).isEmpty();
            assertThat(second.outbox().messages(m -> m.subject().endsWith("run " + runId))).as("one approval mail").hasSize(1);
            assertThat(second.eventTypes(runId)).containsOnlyOnce("ScanGate Run Reviewed");
            assertThat(second.sfn().listExecutions(b -> b.stateMachineArn(STATE_MACHINE_ARN)).executions())
                    .filteredOn(e -> e.name().equals(runId)).hasSize(1);
        }
    }

    @Test
    void run_whenTheRuntimeRestartedWhileTheRunWaitedForItsScan_resumesAndPromotesEachObjectOnce() {
        String runId = "restarted-scan";
        // a long first poll wait, so the run is surely in WaitForScan when the runtime stops
        LocalConfig config = TestRuntime.config(dataDir, TestRuntime.freePort())
                .backoffFirstSeconds(8).backoffCapSeconds(8).build();
        Map<String, byte[]> clean = Samples.under(scratch, runId, false);
        String executionArn;
        try (var first = TestRuntime.start(config)) {
            clean.forEach(first::putRaw);
            executionArn = first.startRun(runId);
            String arn = executionArn;
            Waits.until("the run waiting for its scan", () -> Optional.of(lastEvent(first, arn))
                    .filter(e -> e.equals("WaitStateEntered:WaitForScan")));
            // the Wait timer must survive the restart; the Macie job's own restart is the test below
            Waits.until("the Macie job to complete", () -> first.macie().listClassificationJobs(b -> { }).items().stream()
                    .filter(j -> j.name().equals("scangate-" + runId) && j.jobStatusAsString().equals("COMPLETE")).findFirst());
            assertThat(lastEvent(first, arn)).isEqualTo("WaitStateEntered:WaitForScan");
        }

        try (var second = TestRuntime.start(config)) {
            var end = second.awaitEnd(executionArn);

            assertThat(end.status()).as(end.error() + ": " + end.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            clean.forEach((key, bytes) -> {
                assertThat(second.read(CURATED_BUCKET, key)).as(key).isEqualTo(bytes);
                assertThat(second.versionCount(CURATED_BUCKET, key)).as("promoted once: " + key).isEqualTo(1);
            });
            assertThat(second.keys(SCAN_STAGE_BUCKET, "runs/" + runId + "/")).isEmpty();
            assertThat(second.eventTypes(runId)).containsOnlyOnce("ScanGate Run All Clean");
        }
    }

    @Test
    void run_whenTheRuntimeRestartedWhileTheMacieJobScanned_resumesTheJobAndPromotesTheCleanObjects() {
        String runId = "restarted-job";
        LocalConfig config = TestRuntime.config(dataDir, TestRuntime.freePort()).build();
        Map<String, byte[]> clean = Samples.under(scratch, runId, false);
        var scanner = new GatedScanner(SensitiveDataScanners.create());
        String executionArn;
        try (var first = TestRuntime.startWithScanner(config, scanner)) {
            clean.forEach(first::putRaw);
            executionArn = first.startRun(runId);
            scanner.awaitScanning();
        } finally {
            scanner.open();
        }

        try (var second = TestRuntime.start(config)) {
            var end = second.awaitEnd(executionArn);

            assertThat(end.status()).as(end.error() + ": " + end.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            var job = second.macie().listClassificationJobs(b -> { }).items().stream()
                    .filter(j -> j.name().equals("scangate-" + runId)).findFirst().orElseThrow();
            assertThat(job.lastRunErrorStatus().codeAsString()).isEqualTo("NONE");
            assertThat(second.report(runId).path("counts").path("clean").asInt()).isEqualTo(clean.size());
            clean.forEach((key, bytes) -> {
                assertThat(second.read(CURATED_BUCKET, key)).as(key).isEqualTo(bytes);
                assertThat(second.versionCount(CURATED_BUCKET, key)).as("promoted once: " + key).isEqualTo(1);
            });
            assertThat(second.eventTypes(runId)).containsOnlyOnce("ScanGate Run All Clean");
        }
    }

    private static String lastEvent(TestRuntime runtime, String executionArn) {
        var events = runtime.sfn().getExecutionHistory(b -> b.executionArn(executionArn).reverseOrder(true).maxResults(1)).events();
        if (events.isEmpty()) {
            return "";
        }
        var event = events.get(0);
        return event.typeAsString() + (event.stateEnteredEventDetails() == null ? "" : ":" + event.stateEnteredEventDetails().name());
    }
}
