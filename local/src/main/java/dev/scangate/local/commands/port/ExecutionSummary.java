package dev.scangate.local.commands.port;

import java.time.Instant;

/** One row of ListExecutions. {@code stopDate} is null while the execution runs. */
public record ExecutionSummary(String executionArn, String name, String status, Instant startDate, Instant stopDate) { }
