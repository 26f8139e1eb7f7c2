package dev.scangate.statemachine.engine;

import java.time.Instant;

/** What DescribeExecution shows; {@code output}, {@code error}, {@code cause} and dates may be null. */
public record ExecutionInfo(String executionArn, String stateMachineArn, String name, ExecutionStatus status,
                            String input, String output, String error, String cause, Instant startDate,
                            Instant stopDate, int redriveCount, Instant redriveDate) {

    /** Why the execution can or cannot be redriven, as DescribeExecution words it. */
    public String redriveStatusReason() {
        return switch (status) {
            case RUNNING, SUCCEEDED -> "Execution is " + status + " and cannot be redriven";
            default -> null;
        };
    }

    public boolean redrivable() {
        return status == ExecutionStatus.FAILED || status == ExecutionStatus.ABORTED
                || status == ExecutionStatus.TIMED_OUT;
    }
}
