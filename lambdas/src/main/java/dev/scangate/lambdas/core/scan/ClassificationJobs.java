package dev.scangate.lambdas.core.scan;

/**
 * Macie classification jobs. Implementations throw {@code RetryableStepException} on throttling
 * and {@code StepInputException} naming {@code jobId} for an unknown job.
 */
public interface ClassificationJobs {

    /** Creates the job, or returns the one already created with the same client token. */
    ScanJob start(ScanJobRequest request);

    /** The job's status as Macie spells it (RUNNING, COMPLETE, ...). */
    String status(String jobId);
}
