package dev.scangate.approval.core;

/** Step Functions could not be told; nothing was decided and the approver may try again. */
public class DecisionNotDeliveredException extends RuntimeException {

    public DecisionNotDeliveredException(String message, Throwable cause) {
        super(message, cause);
    }
}
