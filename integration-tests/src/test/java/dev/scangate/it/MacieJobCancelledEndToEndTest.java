package dev.scangate.it;

import static dev.scangate.local.runtime.LocalResources.CURATED_BUCKET;
import static dev.scangate.local.runtime.LocalResources.MANUAL_REVIEW_BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scangate.it.support.GatedScanner;
import dev.scangate.it.support.Samples;
import dev.scangate.it.support.TestRuntime;
import dev.scangate.it.support.Waits;
import dev.scangate.local.macie.scanner.SensitiveDataScanners;
import dev.scangate.local.runtime.LocalConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.macie2.model.JobStatus;
import software.amazon.awssdk.services.macie2.model.JobSummary;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Someone cancels the run's Macie job while it scans: the pipeline fails closed, holding every
 * object (clean ones too, since Macie never finished) for review and promoting nothing. The
 * runtime is assembled as {@code scangate local up} does, with the scanner gated so the job is
 * surely still running when it is cancelled.
 */
class MacieJobCancelledEndToEndTest {

    @TempDir
    static Path dataDir;

    private static final GatedScanner SCANNER = new GatedScanner(SensitiveDataScanners.create());
    private static TestRuntime runtime;

    @TempDir
    Path scratch;

    @BeforeAll
    static void startRuntime() {
        LocalConfig config = TestRuntime.config(dataDir, TestRuntime.freePort()).build();
        runtime = TestRuntime.startWithScanner(config, SCANNER);
    }

    @AfterAll
    static void stopRuntime() {
        SCANNER.open();
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void run_whenTheMacieJobIsCancelledWhileScanning_holdsEveryObjectAsUnscannedAndPromotesNothing() {
        String runId = "cancelled-scan";
        var files = new LinkedHashMap<String, byte[]>(Samples.under(scratch.resolve("clean"), runId, false));
        files.putAll(Samples.under(scratch.resolve("sensitive"), runId, true));
        files.forEach(runtime::putRaw);
        String executionArn = runtime.startRun(runId);

        SCANNER.awaitScanning();
        String jobId = Waits.until("the Macie job of " + runId, () -> job("scangate-" + runId)).jobId();
        runtime.macie().updateClassificationJob(b -> b.jobId(jobId).jobStatus(JobStatus.CANCELLED));
        SCANNER.open();

        runtime.awaitApprovalRequest(runId);
        assertThat(runtime.macie().describeClassificationJob(b -> b.jobId(jobId)).jobStatus()).isEqualTo(JobStatus.CANCELLED);
        assertThat(runtime.describe(executionArn).status()).isEqualTo(ExecutionStatus.RUNNING);
        files.forEach((key, bytes) -> {
            assertThat(runtime.keys(CURATED_BUCKET, key)).as(key).isEmpty();
            assertThat(runtime.read(MANUAL_REVIEW_BUCKET, "runs/" + runId + "/" + key)).as(key).isEqualTo(bytes);
        });
        JsonNode report = runtime.report(runId);
        assertThat(report.path("jobStatus").asText()).isEqualTo("CANCELLED");
        assertThat(report.path("counts").path("unscanned").asInt()).isEqualTo(files.size());
        report.path("objects").forEach(o -> assertThat(o.path("verdict").asText()).as(o.path("key").asText()).isEqualTo("UNSCANNED"));
        assertThat(runtime.eventTypes(runId)).doesNotContain("ScanGate Run All Clean");
    }

    private Optional<JobSummary> job(String name) {
        return runtime.macie().listClassificationJobs(b -> { }).items().stream().filter(j -> j.name().equals(name)).findFirst();
    }
}
