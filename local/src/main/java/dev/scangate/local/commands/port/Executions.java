package dev.scangate.local.commands.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The Step Functions calls the commands make. Failures are {@link ServiceException}s. */
public interface Executions {

    /** StartExecution; answers the new execution's ARN. */
    String start(String stateMachineArn, String name, String input);

    Optional<ExecutionDetail> describe(String executionArn);

    /** ListExecutions, newest first, at most {@code max} rows (following pages as needed). */
    List<ExecutionSummary> list(String stateMachineArn, int max);

    /** GetExecutionHistory; {@code max <= 0} means every event. */
    List<HistoryEvent> history(String executionArn, boolean newestFirst, int max);

    /** RedriveExecution; answers the redrive date. */
    Instant redrive(String executionArn);
}
