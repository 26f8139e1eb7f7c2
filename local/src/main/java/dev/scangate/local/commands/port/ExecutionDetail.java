package dev.scangate.local.commands.port;

import java.time.Instant;

/**
 * DescribeExecution, reduced to what the commands show. Optional text fields are null when the
 * service did not send them.
 */
public record ExecutionDetail(
        String executionArn,
        String name,
        String status,
        Instant startDate,
        Instant stopDate,
        String input,
        String error,
        String cause,
        String redriveStatus,
        String redriveStatusReason,
        int redriveCount) {

    public boolean running() {
        return "RUNNING".equals(status);
    }

    public ExecutionSummary summary() {
        return new ExecutionSummary(executionArn, name, status, startDate, stopDate);
    }
}
