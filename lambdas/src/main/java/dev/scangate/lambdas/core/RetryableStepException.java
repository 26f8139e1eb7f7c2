package dev.scangate.lambdas.core;

/**
 * A transient failure (throttling, a dependency briefly unavailable). The state machine retries
 * it by this class's fully qualified name, so moving or renaming it is a change to
 * {@code pipeline.asl.json} as well.
 */
public class RetryableStepException extends RuntimeException {

    public RetryableStepException(String message, Throwable cause) {
        super(message, cause);
    }

    public RetryableStepException(String message) {
        super(message);
    }
}
