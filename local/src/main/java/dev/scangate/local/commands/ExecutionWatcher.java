package dev.scangate.local.commands;

import dev.scangate.local.commands.port.ExecutionDetail;
import dev.scangate.local.commands.port.Executions;
import dev.scangate.local.commands.port.HistoryEvent;
import dev.scangate.local.commands.progress.StatusLine;
import dev.scangate.local.commands.text.Times;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Follows an execution until it ends or parks on a callback task (the approval wait), showing the
 * state it is in. The current state comes from the newest history events, so each poll is one
 * DescribeExecution and one short GetExecutionHistory whatever the history's length.
 */
public final class ExecutionWatcher {

    /** Newest events read per poll: enough to reach the current state's entry event. */
    static final int HISTORY_WINDOW = 25;

    private static final Set<String> TASK_ENDED = Set.of("TaskSucceeded", "TaskFailed", "TaskTimedOut",
            "TaskStartFailed", "TaskSubmitFailed", "TaskAborted");

    private final Executions executions;
    private final Console console;

    public ExecutionWatcher(Executions executions, Console console) {
        this.executions = Objects.requireNonNull(executions, "executions");
        this.console = Objects.requireNonNull(console, "console");
    }

    /**
     * @param currentState the state the execution is in (null when not known or ended)
     * @param waitingForApproval the execution is RUNNING and parked on a {@code .waitForTaskToken} task
     */
    public record Outcome(String runId, ExecutionDetail execution, String currentState, boolean waitingForApproval) {

        public boolean succeeded() {
            return "SUCCEEDED".equals(execution.status());
        }
    }

    /** Where an execution is, read from its newest history events. */
    record Position(String state, boolean waitingForCallback) { }

    public Outcome watch(String executionArn, String runId) {
        StatusLine status = new StatusLine(console.out(), console.interactive());
        try {
            while (true) {
                ExecutionDetail detail = executions.describe(executionArn)
                        .orElseThrow(() -> new CommandException("Execution " + executionArn + " does not exist"));
                if (!detail.running()) {
                    return new Outcome(runId, detail, null, false);
                }
                Position position = position(executions.history(executionArn, true, HISTORY_WINDOW));
                status.show("  " + runId + "  RUNNING  " + (position.state() == null ? "starting" : position.state())
                        + (position.waitingForCallback() ? " (waiting for approval)" : ""));
                if (position.waitingForCallback()) {
                    return new Outcome(runId, detail, position.state(), true);
                }
                console.sleeper().sleep(console.pollInterval());
            }
        } finally {
            status.finish();
        }
    }

    /** Prints how the run ended (or that it waits) and answers the exit code. */
    public int report(Outcome outcome) {
        var out = console.out();
        ExecutionDetail e = outcome.execution();
        if (outcome.waitingForApproval()) {
            out.println("Run " + outcome.runId() + " is waiting for approval (state " + outcome.currentState() + ").");
            out.println("Decide from the link in the approval email; pending approvals: scangate approvals");
            return ExitCodes.OK;
        }
        String took = Times.duration(e.startDate(), e.stopDate(), console.clock().instant());
        if (outcome.succeeded()) {
            out.println("Run " + outcome.runId() + " SUCCEEDED in " + took + ".");
            return ExitCodes.OK;
        }
        StringBuilder line = new StringBuilder("Run " + outcome.runId() + " " + e.status() + " after " + took);
        if (e.error() != null) {
            line.append(": ").append(e.error());
        }
        if (e.cause() != null) {
            String cause = e.cause().replaceAll("\\s+", " ");
            line.append(" (").append(cause.length() > 300 ? cause.substring(0, 300) + "…" : cause).append(')');
        }
        out.println(line);
        out.println("Details: scangate show " + outcome.runId() + "; resume it: scangate redrive " + outcome.runId());
        return ExitCodes.RUN_NOT_SUCCEEDED;
    }

    static Position position(List<HistoryEvent> newestFirst) {
        boolean submitted = false;
        boolean ended = false;
        String callbackResource = null;
        for (HistoryEvent event : newestFirst) {
            String type = event.type() == null ? "" : event.type();
            if (type.endsWith("StateEntered")) {
                boolean callback = callbackResource != null && callbackResource.endsWith(".waitForTaskToken");
                boolean waiting = callback && submitted && !ended;
                return new Position(event.stateName(), waiting);
            }
            if (type.startsWith("Task") && !type.startsWith("TaskState")) {
                // Newest first: only the newest scheduling attempt counts (earlier ones were retried).
                if (callbackResource == null && type.equals("TaskScheduled")) {
                    callbackResource = event.resource() == null ? "" : event.resource();
                } else if (callbackResource == null) {
                    submitted |= type.equals("TaskSubmitted");
                    ended |= TASK_ENDED.contains(type);
                }
            }
        }
        return new Position(null, false);
    }
}
