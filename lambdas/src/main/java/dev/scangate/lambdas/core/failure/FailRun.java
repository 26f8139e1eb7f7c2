package dev.scangate.lambdas.core.failure;

import dev.scangate.lambdas.core.RunFailedException;

/**
 * Ends a failed run, or lets a redriven one resume. Step Functions redrives an execution from its
 * unsuccessful state; the pipeline makes that state this step, so that it can tell the first pass
 * (fail with the step's error in the cause) from a redrive (resume at the state that failed).
 */
public final class FailRun {

    /** Long enough for a Lambda error message, short enough for an execution cause (32,768 chars). */
    static final int MAX_CAUSE_CHARS = 4000;

    /**
     * The state to resume at when the execution has been redriven since the failure was recorded.
     *
     * @throws RunFailedException on the pass that recorded the failure
     */
    public String resumeOrFail(String runId, RunFailure failure, int redriveCount) {
        if (redriveCount > failure.redriveCount()) {
            return failure.state();
        }
        throw new RunFailedException("Run " + runId + " failed in " + failure.state() + " with "
                + failure.error() + ": " + truncate(failure.cause()) + ". Nothing was promoted by the failed step. "
                + "Once the cause is fixed, redrive this execution (it re-runs " + failure.state()
                + ") or replay the run (start an execution with the same input).");
    }

    private static String truncate(String cause) {
        if (cause == null) {
            return "no cause given";
        }
        return cause.length() <= MAX_CAUSE_CHARS ? cause : cause.substring(0, MAX_CAUSE_CHARS) + "…";
    }
}
