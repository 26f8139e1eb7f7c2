package dev.scangate.local.macie.api.core.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A classification job. {@code definition} is the validated CreateClassificationJob request
 * (without the client token), echoed back by DescribeClassificationJob.
 *
 * @param resultKeys discovery-result objects written by the current run (a restarted run replaces
 *     every results file under the job's prefix, these and any it did not get to record)
 */
public record ClassificationJob(
        String jobId,
        String jobArn,
        String clientToken,
        ObjectNode definition,
        JobStatus status,
        Instant createdAt,
        Instant lastRunTime,
        Instant userPausedAt,
        long objectsToProcess,
        int numberOfRuns,
        boolean lastRunError,
        List<String> resultKeys) {

    public ClassificationJob {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(status, "status");
        resultKeys = List.copyOf(resultKeys == null ? List.of() : resultKeys);
    }

    public String name() {
        return definition.path("name").asText();
    }

    public String jobType() {
        return definition.path("jobType").asText();
    }

    public ClassificationJob withStatus(JobStatus newStatus, Instant pausedAt) {
        return new ClassificationJob(jobId, jobArn, clientToken, definition, newStatus, createdAt, lastRunTime,
                pausedAt, objectsToProcess, numberOfRuns, lastRunError, resultKeys);
    }

    public ClassificationJob withRunStarted(Instant at) {
        return new ClassificationJob(jobId, jobArn, clientToken, definition, status, createdAt, at,
                userPausedAt, 0, 1, false, List.of());
    }

    public ClassificationJob withObjectsToProcess(long count) {
        return new ClassificationJob(jobId, jobArn, clientToken, definition, status, createdAt, lastRunTime,
                userPausedAt, count, numberOfRuns, lastRunError, resultKeys);
    }

    public ClassificationJob withLastRunError() {
        return new ClassificationJob(jobId, jobArn, clientToken, definition, status, createdAt, lastRunTime,
                userPausedAt, objectsToProcess, numberOfRuns, true, resultKeys);
    }

    public ClassificationJob withResultKey(String key) {
        var keys = new java.util.ArrayList<>(resultKeys);
        keys.add(key);
        return new ClassificationJob(jobId, jobArn, clientToken, definition, status, createdAt, lastRunTime,
                userPausedAt, objectsToProcess, numberOfRuns, lastRunError, keys);
    }
}
