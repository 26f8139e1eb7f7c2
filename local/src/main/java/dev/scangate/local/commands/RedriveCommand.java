package dev.scangate.local.commands;

import dev.scangate.local.commands.RunLocator.RunExecutions;
import dev.scangate.local.commands.port.ExecutionDetail;
import dev.scangate.local.commands.port.Executions;
import dev.scangate.local.commands.port.ServiceException;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code scangate redrive <run> [--wait]}: redrives the run's newest execution from the step that
 * failed (same execution, same input; successful steps are not re-run).
 */
public final class RedriveCommand {

    private final Executions executions;
    private final Console console;
    private final RunLocator locator;

    public RedriveCommand(Executions executions, String stateMachineArn, Console console) {
        this.executions = Objects.requireNonNull(executions, "executions");
        this.console = Objects.requireNonNull(console, "console");
        this.locator = new RunLocator(executions, stateMachineArn);
    }

    public int run(String run, boolean wait) {
        try {
            RunExecutions found = locator.locate(run);
            ExecutionDetail latest = found.latest();
            String runId = found.runId();
            if ("NOT_REDRIVABLE".equals(latest.redriveStatus())) {
                throw notRedrivable(runId, latest, latest.redriveStatusReason());
            }
            Instant redriven;
            try {
                redriven = executions.redrive(latest.executionArn());
            } catch (ServiceException e) {
                if (e.kind() == ServiceException.Kind.NOT_REDRIVABLE) {
                    throw notRedrivable(runId, latest, e.getMessage());
                }
                throw e;
            }
            console.out().println("Redriving run " + runId + " (execution " + latest.name() + ", was " + latest.status()
                    + ", redrive " + (latest.redriveCount() + 1) + ")");
            if (redriven != null) {
                console.out().println("  redriven at " + dev.scangate.local.commands.text.Times.instant(redriven));
            }
            if (!wait) {
                return ExitCodes.OK;
            }
            ExecutionWatcher watcher = new ExecutionWatcher(executions, console);
            return watcher.report(watcher.watch(latest.executionArn(), runId));
        } catch (ServiceException e) {
            throw Failures.of(e);
        }
    }

    private static CommandException notRedrivable(String runId, ExecutionDetail latest, String reason) {
        String why = reason == null || reason.isBlank() ? "its status is " + latest.status() : reason;
        String hint = latest.running() ? "" : "; only FAILED, TIMED_OUT or ABORTED runs can be redriven"
                + ("SUCCEEDED".equals(latest.status()) ? "" : ", or start it again: scangate replay " + runId);
        return new CommandException("Run " + runId + " cannot be redriven: " + why + hint);
    }
}
