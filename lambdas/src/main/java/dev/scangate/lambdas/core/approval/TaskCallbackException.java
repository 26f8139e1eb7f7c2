package dev.scangate.lambdas.core.approval;

/** The decision could not be delivered to Step Functions; nothing was decided there. */
public class TaskCallbackException extends RuntimeException {

    public TaskCallbackException(String message, Throwable cause) {
        super(message, cause);
    }
}
