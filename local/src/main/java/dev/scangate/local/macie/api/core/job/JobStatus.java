package dev.scangate.local.macie.api.core.job;

import java.util.Set;

/** Macie's job states and the transitions UpdateClassificationJob may ask for. */
public enum JobStatus {
    RUNNING, PAUSED, CANCELLED, COMPLETE, IDLE, USER_PAUSED;

    public boolean isTerminal() {
        return this == CANCELLED || this == COMPLETE;
    }

    /** The states from which a user may move a job to {@code target}. */
    public static Set<JobStatus> legalSourcesOf(JobStatus target) {
        return switch (target) {
            case CANCELLED -> Set.of(IDLE, PAUSED, RUNNING, USER_PAUSED);
            case RUNNING -> Set.of(USER_PAUSED);
            case USER_PAUSED -> Set.of(IDLE, PAUSED, RUNNING);
            default -> Set.of();
        };
    }
}
