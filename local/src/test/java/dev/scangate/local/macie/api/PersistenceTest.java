package dev.scangate.local.macie.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.macie2.model.CriterionAdditionalProperties;
import software.amazon.awssdk.services.macie2.model.JobStatus;

class PersistenceTest {

    @TempDir
    Path dataDirectory;

    @Test
    void restart_whenDataDirectoryGiven_keepsJobsFindingsIdentifiersAndAllowLists() {
        String jobId;
        String cdiId;
        String allowListId;
        String bucket;
        try (var first = new MacieFixture(b -> b.dataDirectory(dataDirectory))) {
            bucket = first.newBucket();
            first.put(bucket, "s.txt", "SECRET\n");
            cdiId = first.macie.createCustomDataIdentifier(r -> r.name("kept").regex("K-\\d")).customDataIdentifierId();
            allowListId = first.macie.createAllowList(r -> r.name("kept").criteria(c -> c.regex("x"))).id();
            jobId = first.createJob(bucket, "persist-" + bucket);
            assertThat(first.awaitFinished(jobId)).isEqualTo(JobStatus.COMPLETE);
        }

        try (var second = new MacieFixture(b -> b.dataDirectory(dataDirectory))) {
            var job = second.macie.describeClassificationJob(r -> r.jobId(jobId));
            assertThat(job.jobStatus()).isEqualTo(JobStatus.COMPLETE);
            assertThat(job.statistics().approximateNumberOfObjectsToProcess()).isEqualTo(1.0);
            assertThat(second.macie.listFindings(r -> r.findingCriteria(c -> c.criterion(Map.of(
                    "classificationDetails.jobId", CriterionAdditionalProperties.builder().eq(jobId).build()))))
                    .findingIds()).hasSize(1);
            assertThat(second.macie.getCustomDataIdentifier(r -> r.id(cdiId)).name()).isEqualTo("kept");
            assertThat(second.macie.getAllowList(r -> r.id(allowListId)).name()).isEqualTo("kept");
            assertThat(second.createJob(bucket, "persist-" + bucket)).isEqualTo(jobId);
        }
    }

    @Test
    void restart_whenJobWasRunning_runsItAgainWithoutDuplicatingResults() {
        String jobId;
        String bucket;
        try (var first = new MacieFixture(b -> b.dataDirectory(dataDirectory).jobDelay(Duration.ofHours(1)))) {
            bucket = first.newBucket();
            first.put(bucket, "s.txt", "SECRET\n");
            jobId = first.createJob(bucket, "rerun-" + bucket);
        }

        try (var second = new MacieFixture(b -> b.dataDirectory(dataDirectory))) {
            assertThat(second.awaitFinished(jobId)).isEqualTo(JobStatus.COMPLETE);
            assertThat(second.discoveryRecords(jobId)).hasSize(1);
            assertThat(second.macie.listFindings(r -> r.findingCriteria(c -> c.criterion(Map.of(
                    "classificationDetails.jobId", CriterionAdditionalProperties.builder().eq(jobId).build()))))
                    .findingIds()).hasSize(1);
        }
    }
}
