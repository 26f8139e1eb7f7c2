package dev.scangate.approval.core;

/** The approver is not on the approval's list of approvers. */
public class ApproverNotAllowedException extends RuntimeException {

    public ApproverNotAllowedException(String approver) {
        super(approver + " is not an approver for this run");
    }
}
