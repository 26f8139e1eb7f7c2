package dev.scangate.it;

import static dev.scangate.local.runtime.LocalResources.CURATED_BUCKET;
import static dev.scangate.local.runtime.LocalResources.MANUAL_REVIEW_BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scangate.it.support.ApprovalLink;
import dev.scangate.it.support.Mail;
import dev.scangate.it.support.ReviewHttp;
import dev.scangate.it.support.Samples;
import dev.scangate.it.support.TestRuntime;
import dev.scangate.it.support.Waits;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Nobody decides in time: the objects stay held, the run ends ApprovalExpired and people are told. */
class ApprovalTimeoutEndToEndTest {

    private static final long APPROVAL_TIMEOUT_SECONDS = 3;

    @TempDir
    static Path dataDir;

    private static TestRuntime runtime;

    @TempDir
    Path scratch;

    @BeforeAll
    static void startRuntime() {
        runtime = TestRuntime.start(TestRuntime.config(dataDir, TestRuntime.freePort())
                .approvalTimeoutSeconds(APPROVAL_TIMEOUT_SECONDS).build());
    }

    @AfterAll
    static void stopRuntime() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void run_whenNobodyDecidesBeforeTheTimeout_failsApprovalExpiredAndKeepsObjectsInManualReview() {
        String runId = "expiring-run";
        Map<String, byte[]> sensitive = Samples.under(scratch, runId, true);
        sensitive.forEach(runtime::putRaw);
        String executionArn = runtime.startRun(runId);
        ApprovalLink link = runtime.awaitApprovalRequest(runId).reviewLink().orElseThrow();

        var end = runtime.awaitEnd(executionArn);

        assertThat(end.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(end.error()).isEqualTo("ApprovalExpired");
        sensitive.forEach((key, bytes) -> {
            assertThat(runtime.read(MANUAL_REVIEW_BUCKET, "runs/" + runId + "/" + key)).as(key).isEqualTo(bytes);
            assertThat(runtime.keys(CURATED_BUCKET, key)).as(key).isEmpty();
        });
        Mail notice = runtime.outbox().awaitMessage("the expiry notice of " + runId, Waits.DEFAULT,
                m -> m.subject().contains("approval expired") && m.subject().contains(runId));
        assertThat(notice.to()).containsExactly(TestRuntime.APPROVER);
        assertThat(notice.text()).contains("runs/" + runId + "/");
        var expired = PipelineEndToEndTest.single(runtime.events(runId), "ScanGate Approval Expired");
        assertThat(expired.detail().path("outcome").asText()).isEqualTo("APPROVAL_EXPIRED");

        var decisions = new LinkedHashMap<String, String>();
        sensitive.keySet().forEach(k -> decisions.put(k, "APPROVE"));
        var late = new ReviewHttp().decide(link, decisions, TestRuntime.APPROVER);
        assertThat(late.status()).as("a decision after expiry is refused: " + late.body()).isIn(403, 410);
        sensitive.keySet().forEach(key -> assertThat(runtime.keys(CURATED_BUCKET, key)).as(key).isEmpty());
    }
}
