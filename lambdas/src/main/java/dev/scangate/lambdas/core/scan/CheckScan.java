package dev.scangate.lambdas.core.scan;

import dev.scangate.lambdas.core.StepInputException;

/**
 * Maps the job status to the next move: COMPLETE collects; RUNNING, IDLE and PAUSED (paused by
 * Macie for quota, resumes by itself) wait with a longer backoff; anything else (CANCELLED,
 * USER_PAUSED, a status we do not know) fails closed: every object is then held as UNSCANNED.
 */
public final class CheckScan {

    private final ClassificationJobs jobs;

    public CheckScan(ClassificationJobs jobs) {
        this.jobs = jobs;
    }

    public ScanCheck check(String jobId, int attempt, Backoff backoff) {
        if (attempt < 0) {
            throw new StepInputException("attempt", "must be 0 or more, got " + attempt);
        }
        var status = jobs.status(jobId);
        var decision = switch (status) {
            case "COMPLETE" -> ScanCheck.Decision.COLLECT;
            case "RUNNING", "IDLE", "PAUSED" -> ScanCheck.Decision.WAIT;
            default -> ScanCheck.Decision.FAIL_CLOSED;
        };
        int next = attempt + 1;
        return new ScanCheck(status, decision, next, backoff.waitBefore(next));
    }
}
