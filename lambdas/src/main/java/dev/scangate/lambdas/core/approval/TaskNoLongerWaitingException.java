package dev.scangate.lambdas.core.approval;

/** Step Functions no longer waits on the token (TaskTimedOut, InvalidToken, TaskDoesNotExist). */
public class TaskNoLongerWaitingException extends RuntimeException {

    private final String errorCode;

    public TaskNoLongerWaitingException(String errorCode, Throwable cause) {
        super("the workflow no longer waits for this approval (" + errorCode + ")", cause);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
