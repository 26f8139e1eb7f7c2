package dev.scangate.lambdas.core;

/**
 * A step of the run failed and the run ends FAILED. Its message says which state failed, with what,
 * and how to continue; Step Functions shows it as the execution's cause. Not retried.
 */
public class RunFailedException extends RuntimeException {

    public RunFailedException(String message) {
        super(message);
    }
}
