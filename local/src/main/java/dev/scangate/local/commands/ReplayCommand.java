package dev.scangate.local.commands;

import dev.scangate.local.commands.RunLocator.RunExecutions;
import dev.scangate.local.commands.port.ExecutionSummary;
import dev.scangate.local.commands.port.Executions;
import dev.scangate.local.commands.port.ServiceException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code scangate replay <run> [--wait]}: starts a new execution with the same input as the run,
 * named {@code <runId>-replay-<n>}. Same input means same run id, so the pipeline resumes that run
 * from its manifest instead of starting a new one.
 */
public final class ReplayCommand {

    private static final int MAX_NAME = 80;

    private final Executions executions;
    private final String stateMachineArn;
    private final Console console;
    private final RunLocator locator;

    public ReplayCommand(Executions executions, String stateMachineArn, Console console) {
        this.executions = Objects.requireNonNull(executions, "executions");
        this.stateMachineArn = Objects.requireNonNull(stateMachineArn, "stateMachineArn");
        this.console = Objects.requireNonNull(console, "console");
        this.locator = new RunLocator(executions, stateMachineArn);
    }

    public int run(String run, boolean wait) {
        try {
            RunExecutions found = locator.locate(run);
            String runId = found.runId();
            for (ExecutionSummary attempt : found.attempts()) {
                if ("RUNNING".equals(attempt.status())) {
                    throw new CommandException("Run " + runId + " is still running as execution " + attempt.name()
                            + "; replay it once that ends");
                }
            }
            String name = runId + "-replay-" + nextReplayNumber(runId);
            if (name.length() > MAX_NAME) {
                throw new CommandException("Cannot replay run " + runId + ": the execution name " + name
                        + " would exceed " + MAX_NAME + " characters");
            }
            String input = found.latest().input() == null ? RunCommand.input(runId) : found.latest().input();
            String executionArn = executions.start(stateMachineArn, name, input);
            console.out().println("Replaying run " + runId + " as execution " + name);
            console.out().println("  execution " + executionArn);
            if (!wait) {
                return ExitCodes.OK;
            }
            ExecutionWatcher watcher = new ExecutionWatcher(executions, console);
            return watcher.report(watcher.watch(executionArn, runId));
        } catch (ServiceException e) {
            throw Failures.of(e);
        }
    }

    private int nextReplayNumber(String runId) {
        Pattern replay = Pattern.compile(Pattern.quote(runId) + "-replay-(\\d{1,9})");
        int max = 0;
        for (ExecutionSummary e : executions.list(stateMachineArn, RunLocator.DEFAULT_SEARCH_LIMIT)) {
            Matcher m = replay.matcher(e.name());
            if (m.matches()) {
                max = Math.max(max, Integer.parseInt(m.group(1)));
            }
        }
        return max + 1;
    }
}
