package dev.scangate.lambdas.core.approval;

/** Resumes the workflow waiting on a task token. */
public interface TaskCallback {

    /**
     * @throws TaskNoLongerWaitingException when the token is dead (timed out, used, malformed)
     * @throws TaskCallbackException when the workflow service could not be reached; safe to retry
     */
    void succeed(String taskToken, String outputJson);
}
