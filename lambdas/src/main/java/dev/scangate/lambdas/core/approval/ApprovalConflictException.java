package dev.scangate.lambdas.core.approval;

/** The approval is not in a state that allows the change (already decided, expired). */
public class ApprovalConflictException extends RuntimeException {

    private final transient ApprovalRecord current;

    public ApprovalConflictException(String message, ApprovalRecord current) {
        super(message);
        this.current = current;
    }

    /** The record as it is now. */
    public ApprovalRecord current() {
        return current;
    }
}
