package dev.scangate.it;

import static dev.scangate.local.runtime.LocalResources.CURATED_BUCKET;
import static dev.scangate.local.runtime.LocalResources.MANUAL_REVIEW_BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scangate.it.support.FailingScanner;
import dev.scangate.it.support.Samples;
import dev.scangate.it.support.TestRuntime;
import dev.scangate.local.macie.scanner.SensitiveDataScanners;
import dev.scangate.local.runtime.LocalConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.macie2.model.JobStatus;
import software.amazon.awssdk.services.macie2.model.JobSummary;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The scanner fails, nobody cancelled anything: the pipeline still fails closed. An object Macie
 * could not analyse has no COMPLETE discovery result, so it is UNSCANNED and held for review while
 * the objects that were analysed go their usual way; a job run that breaks altogether holds every
 * object. The runtime is assembled as {@code scangate local up} does, with a scanner that throws
 * for chosen objects.
 */
class MacieScanErrorEndToEndTest {

    /** One object's analysis fails (the job goes on). */
    private static final String BROKEN_OBJECT = "clean/release-notes.txt";
    /** The job run breaks on this object (the job ends). */
    private static final String BROKEN_JOB = "clean/annual-summary.pdf";

    @TempDir
    static Path dataDir;

    private static TestRuntime runtime;

    @TempDir
    Path scratch;

    @BeforeAll
    static void startRuntime() {
        LocalConfig config = TestRuntime.config(dataDir, TestRuntime.freePort()).build();
        var scanner = new FailingScanner(SensitiveDataScanners.create(), Map.<String, Supplier<? extends Throwable>>of(
                "object-error/" + BROKEN_OBJECT, () -> new IllegalStateException("scanner bug on one object"),
                "job-error/" + BROKEN_JOB, () -> new NoClassDefFoundError("a parser that failed to load")));
        runtime = TestRuntime.startWithScanner(config, scanner);
    }

    @AfterAll
    static void stopRuntime() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void run_whenTheScannerFailsOnOneObject_holdsThatObjectAsUnscannedAndPromotesTheCleanOnes() {
        String runId = "object-error";
        var clean = Samples.under(scratch.resolve("clean"), runId, false);
        var sensitive = Samples.under(scratch.resolve("sensitive"), runId, true);
        String broken = runId + "/" + BROKEN_OBJECT;
        clean.forEach(runtime::putRaw);
        sensitive.forEach(runtime::putRaw);
        String executionArn = runtime.startRun(runId);

        runtime.awaitApprovalRequest(runId);

        assertThat(runtime.describe(executionArn).status()).isEqualTo(ExecutionStatus.RUNNING);
        var job = job("scangate-" + runId);
        assertThat(job.jobStatus()).as("one object's failure does not end the job").isEqualTo(JobStatus.COMPLETE);
        JsonNode report = runtime.report(runId);
        assertThat(report.path("jobStatus").asText()).isEqualTo("COMPLETE");
        assertThat(report.path("counts").path("unscanned").asInt()).isEqualTo(1);
        assertThat(report.path("counts").path("clean").asInt()).isEqualTo(clean.size() - 1);
        assertThat(report.path("counts").path("flagged").asInt()).isEqualTo(sensitive.size());

        JsonNode failed = runtime.reportObject(runId, broken);
        assertThat(failed.path("verdict").asText()).isEqualTo("UNSCANNED");
        assertThat(failed.path("scanStatus").path("code").asText()).isEqualTo("SKIPPED");
        assertThat(failed.path("scanStatus").path("reason").asText()).isEqualTo("UNABLE_TO_PARSE_FILE");
        assertThat(runtime.keys(CURATED_BUCKET, broken)).as("never promoted").isEmpty();
        assertThat(runtime.read(MANUAL_REVIEW_BUCKET, "runs/" + runId + "/" + broken)).isEqualTo(clean.get(broken));

        clean.forEach((key, bytes) -> {
            if (!key.equals(broken)) {
                assertThat(runtime.reportObject(runId, key).path("verdict").asText()).as(key).isEqualTo("CLEAN");
                assertThat(runtime.read(CURATED_BUCKET, key)).as(key).isEqualTo(bytes);
                assertThat(runtime.tags(CURATED_BUCKET, key)).as(key).containsEntry("SensitiveDataFound", "false");
                assertThat(runtime.keys(MANUAL_REVIEW_BUCKET, "runs/" + runId + "/" + key)).as(key).isEmpty();
            }
        });
        sensitive.forEach((key, bytes) -> {
            assertThat(runtime.reportObject(runId, key).path("verdict").asText()).as(key).isEqualTo("FLAGGED");
            assertThat(runtime.keys(CURATED_BUCKET, key)).as(key).isEmpty();
            assertThat(runtime.read(MANUAL_REVIEW_BUCKET, "runs/" + runId + "/" + key)).as(key).isEqualTo(bytes);
        });
        assertThat(runtime.eventTypes(runId)).doesNotContain("ScanGate Run All Clean");
    }

    @Test
    void run_whenTheMacieJobRunBreaks_endsTheJobInErrorAndHoldsEveryObjectAsUnscanned() {
        String runId = "job-error";
        var files = new LinkedHashMap<String, byte[]>(Samples.under(scratch.resolve("clean"), runId, false));
        files.putAll(Samples.under(scratch.resolve("sensitive"), runId, true));
        files.forEach(runtime::putRaw);
        String executionArn = runtime.startRun(runId);

        runtime.awaitApprovalRequest(runId);

        assertThat(runtime.describe(executionArn).status()).isEqualTo(ExecutionStatus.RUNNING);
        var job = runtime.macie().describeClassificationJob(b -> b.jobId(job("scangate-" + runId).jobId()));
        assertThat(job.jobStatus()).isEqualTo(JobStatus.CANCELLED);
        assertThat(job.lastRunErrorStatus().codeAsString()).as("a broken run, not a user's cancel").isEqualTo("ERROR");
        JsonNode report = runtime.report(runId);
        assertThat(report.path("jobStatus").asText()).isEqualTo("CANCELLED");
        assertThat(report.path("counts").path("unscanned").asInt()).isEqualTo(files.size());
        files.forEach((key, bytes) -> {
            assertThat(runtime.reportObject(runId, key).path("verdict").asText()).as(key).isEqualTo("UNSCANNED");
            assertThat(runtime.keys(CURATED_BUCKET, key)).as(key).isEmpty();
            assertThat(runtime.read(MANUAL_REVIEW_BUCKET, "runs/" + runId + "/" + key)).as(key).isEqualTo(bytes);
        });
        assertThat(runtime.eventTypes(runId)).doesNotContain("ScanGate Run All Clean");
    }

    private static JobSummary job(String name) {
        return runtime.macie().listClassificationJobs(b -> { }).items().stream().filter(j -> j.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no Macie job " + name));
    }
}
