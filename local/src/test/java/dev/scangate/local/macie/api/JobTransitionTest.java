package dev.scangate.local.macie.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.macie2.model.ConflictException;
import software.amazon.awssdk.services.macie2.model.JobStatus;
import software.amazon.awssdk.services.macie2.model.ValidationException;

/** Jobs here wait an hour before scanning, so they are reliably RUNNING while the test moves them. */
class JobTransitionTest {

    private static MacieFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new MacieFixture(b -> b.jobDelay(Duration.ofHours(1)));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static JobStatus status(String jobId) {
        return fixture.macie.describeClassificationJob(r -> r.jobId(jobId)).jobStatus();
    }

    @Test
    void updateClassificationJob_whenPausedResumedAndCancelled_followsLegalTransitions() {
        var bucket = fixture.newBucket();
        var jobId = fixture.createJob(bucket, "pause-" + bucket);
        assertThat(status(jobId)).isEqualTo(JobStatus.RUNNING);

        fixture.macie.updateClassificationJob(r -> r.jobId(jobId).jobStatus(JobStatus.USER_PAUSED));
        var paused = fixture.macie.describeClassificationJob(r -> r.jobId(jobId));
        assertThat(paused.jobStatus()).isEqualTo(JobStatus.USER_PAUSED);
        assertThat(paused.userPausedDetails().jobPausedAt()).isNotNull();
        assertThat(paused.userPausedDetails().jobExpiresAt())
                .isEqualTo(paused.userPausedDetails().jobPausedAt().plus(Duration.ofDays(30)));

        assertThatThrownBy(() -> fixture.macie.updateClassificationJob(r -> r.jobId(jobId)
                .jobStatus(JobStatus.USER_PAUSED))).isInstanceOf(ConflictException.class);

        fixture.macie.updateClassificationJob(r -> r.jobId(jobId).jobStatus(JobStatus.RUNNING));
        assertThat(status(jobId)).isEqualTo(JobStatus.RUNNING);

        fixture.macie.updateClassificationJob(r -> r.jobId(jobId).jobStatus(JobStatus.CANCELLED));
        assertThat(status(jobId)).isEqualTo(JobStatus.CANCELLED);
        assertThatThrownBy(() -> fixture.macie.updateClassificationJob(r -> r.jobId(jobId)
                .jobStatus(JobStatus.RUNNING)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("CANCELLED");
    }

    @Test
    void updateClassificationJob_whenCancelledJobIsCancelledAgain_throwsConflict() {
        var bucket = fixture.newBucket();
        var jobId = fixture.createJob(bucket, "cancel-" + bucket);
        fixture.macie.updateClassificationJob(r -> r.jobId(jobId).jobStatus(JobStatus.CANCELLED));

        assertThatThrownBy(() -> fixture.macie.updateClassificationJob(r -> r.jobId(jobId)
                .jobStatus(JobStatus.CANCELLED))).isInstanceOf(ConflictException.class);
        assertThat(fixture.discoveryRecords(jobId)).isEmpty();
    }

    @Test
    void updateClassificationJob_whenTargetIsNotSettable_throwsValidationNamingJobStatus() {
        var bucket = fixture.newBucket();
        var jobId = fixture.createJob(bucket, "complete-" + bucket);

        assertThatThrownBy(() -> fixture.macie.updateClassificationJob(r -> r.jobId(jobId)
                .jobStatus(JobStatus.COMPLETE)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("jobStatus");
        assertThat(status(jobId)).isEqualTo(JobStatus.RUNNING);
    }
}
