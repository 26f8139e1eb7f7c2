package dev.scangate.lambdas.core.approval;

import java.time.Instant;
import java.util.List;
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

    /**
     * Every PENDING approval whose {@code expiresAt} is before {@code cutoff}, all pages read. It
     * may include approvals already past their expiry that nobody marked EXPIRED yet; callers
     * filter by their own clock.
     */
    List<ApprovalRecord> pendingExpiringBefore(Instant cutoff);

    /**
     * Claims the one reminder of an approval for its current expiry, atomically: succeeds only
     * when the approval is still PENDING, still expires at {@code expiresAt} and has no reminder
     * recorded for that expiry. Two invocations racing for the same approval: exactly one wins.
     *
     * @return true when this call recorded the reminder (the caller sends it); false when the
     *     approval was already reminded, decided, expired, refreshed to another expiry or removed
     */
    boolean markReminded(String approvalId, Instant expiresAt, Instant remindedAt);

    /**
     * Gives back a claim made by {@link #markReminded} whose message could not be sent, so a later
     * run tries again. Only the claim made at {@code remindedAt} is removed; anything else stays.
     */
    void clearReminded(String approvalId, Instant remindedAt);
}
