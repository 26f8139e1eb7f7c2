package dev.scangate.lambdas.core.approval;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The stored state of one approval. The task token is held here and only here: links carry the
 * approval id and a signature, never the token.
 */
public record ApprovalRecord(
        String approvalId,
        String runId,
        String reportKey,
        String taskToken,
        ApprovalStatus status,
        RunCounts counts,
        List<ApprovalObject> objects,
        List<String> approvers,
        Instant createdAt,
        Instant expiresAt,
        Decision decision,
        String statusReason) {

    public ApprovalRecord {
        Objects.requireNonNull(approvalId, "approvalId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(taskToken, "taskToken");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        counts = counts == null ? RunCounts.empty() : counts;
        objects = objects == null ? List.of() : List.copyOf(objects);
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
    }

    public Optional<ApprovalObject> object(String key) {
        return objects.stream().filter(o -> o.key().equals(key)).findFirst();
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Safe to log: never includes the task token. */
    @Override
    public String toString() {
        return "ApprovalRecord[approvalId=" + approvalId + ", runId=" + runId + ", status=" + status
                + ", objects=" + objects.size() + ", expiresAt=" + expiresAt + "]";
    }
}
