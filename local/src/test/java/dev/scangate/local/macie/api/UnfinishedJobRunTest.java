package dev.scangate.local.macie.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scangate.local.macie.scanner.SensitiveDataScanner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.macie2.model.CriterionAdditionalProperties;
import software.amazon.awssdk.services.macie2.model.JobStatus;

/**
 * How a job run that does not get through its objects ends. Stopping the local Macie is not a
 * failure of the job: it stays RUNNING and the next start on the same data directory runs it again,
 * replacing what the stopped run wrote. A user's cancel ends the job for good, and so does a run
 * that breaks, which is marked as an error.
 */
class UnfinishedJobRunTest {

    @TempDir
    Path dataDirectory;

    @Test
    void stop_whenAJobIsScanning_leavesItRunningAndTheNextStartCompletesItWithOneResultPerObject() {
        String bucket;
        String jobId;
        // one record per results file, so the stopped run has surely written the first object's result
        var gated = new GatedMarkerScanner(2);
        try (var first = new MacieFixture(b -> b.dataDirectory(dataDirectory).recordsPerFile(1).scanner(gated))) {
            bucket = first.newBucket();
            first.put(bucket, "a.txt", "my SECRET\n");
            first.put(bucket, "b.txt", "another SECRET\n");
            first.put(bucket, "c.txt", "nothing to see\n");
            jobId = first.createJob(bucket, "stop-" + bucket);
            gated.awaitHeld();
            assertThat(keysOf(first.discoveryRecords(jobId))).as("written before the stop").containsExactly("a.txt");
            assertThat(findingIds(first, jobId)).hasSize(1);
        }

        // a start that waits an hour before scanning shows the state the stop left behind
        try (var waiting = new MacieFixture(b -> b.dataDirectory(dataDirectory).jobDelay(Duration.ofHours(1)))) {
            var job = waiting.macie.describeClassificationJob(r -> r.jobId(jobId));
            assertThat(job.jobStatus()).isEqualTo(JobStatus.RUNNING);
            assertThat(job.lastRunErrorStatus().codeAsString()).isEqualTo("NONE");
        }

        try (var resumed = new MacieFixture(b -> b.dataDirectory(dataDirectory).recordsPerFile(1))) {
            assertThat(resumed.awaitFinished(jobId)).isEqualTo(JobStatus.COMPLETE);
            var job = resumed.macie.describeClassificationJob(r -> r.jobId(jobId));
            assertThat(job.lastRunErrorStatus().codeAsString()).isEqualTo("NONE");
            var records = resumed.discoveryRecords(jobId);
            assertThat(keysOf(records)).containsExactlyInAnyOrder("a.txt", "b.txt", "c.txt");
            records.forEach(r -> assertThat(r.path("classificationDetails").path("result").path("status")
                    .path("code").asText()).as(r.toString()).isEqualTo("COMPLETE"));
            var findings = resumed.macie.getFindings(r -> r.findingIds(findingIds(resumed, jobId))).findings();
            assertThat(findings).extracting(f -> f.resourcesAffected().s3Object().key())
                    .containsExactlyInAnyOrder("a.txt", "b.txt");
        }
    }

    @Test
    void updateClassificationJob_whenCancelledWhileScanning_endsCancelledAndIsNotResumedByTheNextStart() {
        String jobId;
        var gated = new GatedMarkerScanner(1);
        try (var first = new MacieFixture(b -> b.dataDirectory(dataDirectory).scanner(gated))) {
            var bucket = first.newBucket();
            first.put(bucket, "a.txt", "my SECRET\n");
            first.put(bucket, "b.txt", "nothing to see\n");
            jobId = first.createJob(bucket, "cancel-" + bucket);
            gated.awaitHeld();

            first.macie.updateClassificationJob(r -> r.jobId(jobId).jobStatus(JobStatus.CANCELLED));
            gated.open();

            assertThat(first.awaitFinished(jobId)).isEqualTo(JobStatus.CANCELLED);
            assertThat(first.macie.describeClassificationJob(r -> r.jobId(jobId)).lastRunErrorStatus().codeAsString())
                    .isEqualTo("NONE");
        }

        try (var second = new MacieFixture(b -> b.dataDirectory(dataDirectory))) {
            assertThat(second.macie.describeClassificationJob(r -> r.jobId(jobId)).jobStatus())
                    .isEqualTo(JobStatus.CANCELLED);
        }
    }

    @Test
    void run_whenTheScannerThrowsAnError_endsTheJobCancelledWithAnErrorAndRunsItNoMore() {
        var scans = new AtomicInteger();
        SensitiveDataScanner broken = (key, size, content, settings) -> {
            scans.incrementAndGet();
            throw new NoClassDefFoundError("a parser that failed to load");
        };
        try (var fixture = new MacieFixture(b -> b.scanner(broken))) {
            var bucket = fixture.newBucket();
            fixture.put(bucket, "a.txt", "my SECRET\n");
            fixture.put(bucket, "b.txt", "nothing to see\n");
            var jobId = fixture.createJob(bucket, "broken-" + bucket);

            assertThat(fixture.awaitFinished(jobId)).isEqualTo(JobStatus.CANCELLED);
            assertThat(fixture.macie.describeClassificationJob(r -> r.jobId(jobId)).lastRunErrorStatus().codeAsString())
                    .isEqualTo("ERROR");
            assertThat(scans).as("the broken run is not started again").hasValue(1);
        }
    }

    private static List<String> findingIds(MacieFixture fixture, String jobId) {
        return fixture.macie.listFindings(r -> r.findingCriteria(c -> c.criterion(Map.of(
                "classificationDetails.jobId", CriterionAdditionalProperties.builder().eq(jobId).build()))))
                .findingIds();
    }

    private static List<String> keysOf(List<JsonNode> records) {
        return records.stream().map(r -> r.path("resourcesAffected").path("s3Object").path("key").asText()).toList();
    }
}
