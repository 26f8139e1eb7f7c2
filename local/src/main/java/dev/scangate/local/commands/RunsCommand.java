package dev.scangate.local.commands;

import dev.scangate.local.commands.port.ExecutionSummary;
import dev.scangate.local.commands.port.Executions;
import dev.scangate.local.commands.port.ServiceException;
import dev.scangate.local.commands.text.TextTable;
import dev.scangate.local.commands.text.Times;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code scangate runs [--limit N]}: the newest executions with their run id, status, start and
 * duration. The run id is read from each execution's input, because replays and scheduled runs
 * are not named after it.
 */
public final class RunsCommand {

    public static final int DEFAULT_LIMIT = 20;

    private final Executions executions;
    private final String stateMachineArn;
    private final Console console;

    public RunsCommand(Executions executions, String stateMachineArn, Console console) {
        this.executions = Objects.requireNonNull(executions, "executions");
        this.stateMachineArn = Objects.requireNonNull(stateMachineArn, "stateMachineArn");
        this.console = Objects.requireNonNull(console, "console");
    }

    public int run(int limit) {
        if (limit < 1) {
            throw new CommandException("--limit must be at least 1, was " + limit);
        }
        try {
            List<ExecutionSummary> rows = executions.list(stateMachineArn, limit);
            if (rows.isEmpty()) {
                console.out().println("No runs yet. Start one with: scangate run --wait");
                return ExitCodes.OK;
            }
            Instant now = console.clock().instant();
            TextTable table = new TextTable("RUN", "STATUS", "STARTED", "DURATION", "EXECUTION");
            for (ExecutionSummary e : rows) {
                String runId = executions.describe(e.executionArn()).map(RunLocator::runIdOf).orElse(e.name());
                table.row(runId, e.status(), Times.instant(e.startDate()),
                        Times.duration(e.startDate(), e.stopDate(), now), e.name());
            }
            table.print(console.out());
            return ExitCodes.OK;
        } catch (ServiceException e) {
            throw Failures.of(e);
        }
    }
}
