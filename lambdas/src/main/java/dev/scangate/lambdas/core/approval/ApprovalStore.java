package dev.scangate.lambdas.core.approval;

import java.time.Instant;
import java.util.Optional;

/** Where approval records live. Every state change is a conditional write. */
public interface ApprovalStore {

    /**
     * Stores {@code candidate} as the run's approval, or, when the run already has one, keeps that
     * approval (same id) and gives it the candidate's task token and expiry. A PENDING or EXPIRED
     * approval becomes PENDING again; a DECIDED one stays DECIDED (its decision stands).
     *
     * @return the stored record
     */
    ApprovalRecord createOrRefresh(ApprovalRecord candidate);

    Optional<ApprovalRecord> find(String approvalId);

    /**
     * PENDING and unexpired → DECIDED with {@code decision}, atomically.
     *
     * @throws ApprovalConflictException when the record is not PENDING (anymore) or has expired
     * @throws ApprovalNotFoundException when there is no such approval
     */
    ApprovalRecord decide(String approvalId, Decision decision, Instant now);

    /** Undo a decision that could not be delivered to Step Functions, so the approver can retry. */
    void revertDecision(String approvalId, Decision decision);

    /** The workflow no longer waits for this approval (timed out, token rejected). */
    void markExpired(String approvalId, String reason);
}
