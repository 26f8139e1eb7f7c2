package dev.scangate.lambdas.core.approval;

/** The approval store failed or holds data it cannot read. */
public class ApprovalStoreException extends RuntimeException {

    private final boolean transientFailure;

    public ApprovalStoreException(String message, Throwable cause, boolean transientFailure) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    public ApprovalStoreException(String message) {
        this(message, null, false);
    }

    /** True when trying again later may succeed (throttling, the service briefly unavailable). */
    public boolean isTransient() {
        return transientFailure;
    }
}
