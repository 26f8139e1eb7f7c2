package dev.scangate.statemachine.engine;

public enum ExecutionStatus {
    RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED;

    public boolean isClosed() {
        return this != RUNNING;
    }
}
