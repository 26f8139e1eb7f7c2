package dev.scangate.it;

import static dev.scangate.local.runtime.LocalResources.CURATED_BUCKET;
import static dev.scangate.local.runtime.LocalResources.MANUAL_REVIEW_BUCKET;
import static dev.scangate.local.runtime.LocalResources.SCAN_STAGE_BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scangate.it.support.ApprovalLink;
import dev.scangate.it.support.Outbox;
import dev.scangate.it.support.ReviewHttp;
import dev.scangate.it.support.Samples;
import dev.scangate.it.support.TestRuntime;
import dev.scangate.local.runtime.LocalResources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * A run fails after the decision (its report went missing): it fails closed, and once the report
 * is back a redrive, or a replay with the same input, finishes it.
 */
class RedriveAndReplayEndToEndTest {

    @TempDir
    static Path dataDir;

    private static TestRuntime runtime;

    @TempDir
    Path scratch;

    @BeforeAll
    static void startRuntime() {
        runtime = TestRuntime.start(TestRuntime.config(dataDir, TestRuntime.freePort()).build());
    }

    @AfterAll
    static void stopRuntime() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void decide_whenApplyDecisionFails_failsTheRunClosedWithAFailedEvent() {
        var run = failAfterDecision("failing-run");

        assertThat(run.end().status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.end().error()).isEqualTo("dev.scangate.lambdas.core.RunFailedException");
        assertThat(run.end().cause()).contains("failed in ApplyDecision with dev.scangate.lambdas.core.StepInputException")
                .contains("redrive this execution (it re-runs ApplyDecision)");
        var failed = PipelineEndToEndTest.single(runtime.events(run.runId()), "ScanGate Run Failed");
        assertThat(failed.detail().path("outcome").asText()).isEqualTo("FAILED");
        run.keys().forEach(key -> {
            assertThat(runtime.keys(CURATED_BUCKET, key)).as("fail closed: " + key).isEmpty();
            assertThat(runtime.exists(MANUAL_REVIEW_BUCKET, "runs/" + run.runId() + "/" + key)).as(key).isTrue();
        });
        assertThat(runtime.outbox().messages(m -> m.subject().contains("run " + run.runId() + " failed in ApplyDecision")))
                .as("the operators are told").hasSize(1);
    }

    @Test
    void redrive_whenTheCauseOfAFailedRunIsFixed_finishesTheRun() {
        var run = failAfterDecision("redriven-run");
        assertThat(run.end().status()).isEqualTo(ExecutionStatus.FAILED);

        runtime.s3().putObject(b -> b.bucket(SCAN_STAGE_BUCKET).key(run.reportKey()), RequestBody.fromBytes(run.report()));
        runtime.sfn().redriveExecution(b -> b.executionArn(run.executionArn()));
        var redriven = runtime.awaitEnd(run.executionArn());

        assertThat(redriven.status()).as(redriven.error() + ": " + redriven.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(redriven.redriveCount()).isEqualTo(1);
        String approved = run.keys().get(0);
        assertThat(runtime.read(CURATED_BUCKET, approved)).isEqualTo(run.files().get(approved));
        assertThat(runtime.keys(CURATED_BUCKET, run.keys().get(1))).isEmpty();
        assertThat(runtime.keys(MANUAL_REVIEW_BUCKET, "runs/" + run.runId() + "/")).isEmpty();
        assertThat(runtime.eventTypes(run.runId())).containsOnlyOnce("ScanGate Run Reviewed");
        assertThat(runtime.outbox().messages(Outbox.approvalRequestFor(run.runId())))
                .as("the decision already made is applied, nobody is asked again").hasSize(1);
        var history = runtime.sfn().getExecutionHistory(b -> b.executionArn(run.executionArn()).maxResults(1000)).events();
        int redriveAt = history.stream().map(e -> e.typeAsString()).toList().indexOf("ExecutionRedriven");
        assertThat(history.subList(redriveAt, history.size()).stream()
                .filter(e -> e.stateEnteredEventDetails() != null).map(e -> e.stateEnteredEventDetails().name()))
                .as("the redrive resumed at the failed step; the steps before it did not run again")
                .startsWith("PipelineFailed", "ResumeFailedStep", "ApplyDecision").doesNotContain("StageObjects", "RequestApproval");
    }

    @Test
    void replay_whenAFailedRunIsStartedAgainWithItsInput_resumesTheSameRunAndAppliesTheRecordedDecision() {
        var run = failAfterDecision("replayed-run");
        assertThat(run.end().status()).isEqualTo(ExecutionStatus.FAILED);
        runtime.s3().putObject(b -> b.bucket(SCAN_STAGE_BUCKET).key(run.reportKey()), RequestBody.fromBytes(run.report()));

        // what `scangate replay` does: a new execution, same input, so the same run id
        String replayArn = runtime.sfn().startExecution(b -> b.stateMachineArn(LocalResources.STATE_MACHINE_ARN)
                .name(run.runId() + "-replay-1").input("{\"id\":\"" + run.runId() + "\"}")).executionArn();
        var replayed = runtime.awaitEnd(replayArn);

        assertThat(replayed.status()).as(replayed.error() + ": " + replayed.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        String approved = run.keys().get(0);
        assertThat(runtime.read(CURATED_BUCKET, approved)).isEqualTo(run.files().get(approved));
        assertThat(runtime.versionCount(CURATED_BUCKET, approved)).isEqualTo(1);
        assertThat(runtime.keys(CURATED_BUCKET, run.keys().get(1))).isEmpty();
        assertThat(runtime.keys(MANUAL_REVIEW_BUCKET, "runs/" + run.runId() + "/")).isEmpty();
        assertThat(runtime.outbox().messages(Outbox.approvalRequestFor(run.runId())))
                .as("the decision already made is applied, nobody is asked again").hasSize(1);
        assertThat(runtime.eventTypes(run.runId())).containsOnlyOnce("ScanGate Run Reviewed");
    }

    private record FailedRun(String runId, String executionArn, Map<String, byte[]> files, List<String> keys,
            String reportKey, byte[] report, software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse end) { }

    /** Two sensitive objects held; the report deleted while the run waits; first approved, second denied. */
    private FailedRun failAfterDecision(String runId) {
        Map<String, byte[]> files = Samples.under(scratch, runId, true);
        List<String> keys = new ArrayList<>(files.keySet()).subList(0, 2);
        keys.forEach(k -> runtime.putRaw(k, files.get(k)));
        String executionArn = runtime.startRun(runId);
        ApprovalLink link = runtime.awaitApprovalRequest(runId).reviewLink().orElseThrow();
        String reportKey = "reports/" + runId + ".json";
        byte[] report = runtime.read(SCAN_STAGE_BUCKET, reportKey);
        runtime.s3().deleteObject(b -> b.bucket(SCAN_STAGE_BUCKET).key(reportKey));
        var decisions = new LinkedHashMap<String, String>();
        decisions.put(keys.get(0), "APPROVE");
        decisions.put(keys.get(1), "DENY");
        assertThat(new ReviewHttp().decide(link, decisions, TestRuntime.APPROVER).status()).isEqualTo(200);
        return new FailedRun(runId, executionArn, files, keys, reportKey, report, runtime.awaitEnd(executionArn));
    }
}
