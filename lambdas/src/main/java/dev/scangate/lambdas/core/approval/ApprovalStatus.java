package dev.scangate.lambdas.core.approval;

/** Where an approval is in its life: waiting for a person, decided once, or past the point of deciding. */
public enum ApprovalStatus {
    PENDING,
    DECIDED,
    EXPIRED
}
