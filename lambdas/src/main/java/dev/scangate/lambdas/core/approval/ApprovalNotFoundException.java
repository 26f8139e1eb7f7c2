package dev.scangate.lambdas.core.approval;

/** No approval with this id (never existed, or removed after its retention period). */
public class ApprovalNotFoundException extends RuntimeException {

    public ApprovalNotFoundException(String approvalId) {
        super("no approval " + approvalId);
    }
}
