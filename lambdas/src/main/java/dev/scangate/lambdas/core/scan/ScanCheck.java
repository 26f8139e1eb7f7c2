package dev.scangate.lambdas.core.scan;

/** CheckScan's output. */
public record ScanCheck(String jobStatus, Decision decision, int attempt, int nextWaitSeconds) {

    /** What the state machine does next. */
    public enum Decision { WAIT, COLLECT, FAIL_CLOSED }
}
