package dev.scangate.lambdas.core.approval;

/** The RequestApproval step's input (statemachine/README.md). */
public record ApprovalRequest(String runId, String reportKey, RunCounts counts, String taskToken, long expiresInSeconds) {

    @Override
    public String toString() {
        return "ApprovalRequest[runId=" + runId + ", reportKey=" + reportKey + ", expiresInSeconds=" + expiresInSeconds
                + ", taskToken=***]";
    }
}
