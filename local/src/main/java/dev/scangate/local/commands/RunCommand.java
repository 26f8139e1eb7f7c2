package dev.scangate.local.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scangate.local.commands.port.Executions;
import dev.scangate.local.commands.port.ServiceException;
import java.util.Map;
import java.util.Objects;

/**
 * {@code scangate run [--id ID] [--wait]}: starts one pipeline run. The execution is named after
 * the run id and its input is {@code {"id": runId}}, so the run can be found, shown and replayed
 * by that id.
 */
public final class RunCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Executions executions;
    private final String stateMachineArn;
    private final RunIds runIds;
    private final Console console;

    public RunCommand(Executions executions, String stateMachineArn, RunIds runIds, Console console) {
        this.executions = Objects.requireNonNull(executions, "executions");
        this.stateMachineArn = Objects.requireNonNull(stateMachineArn, "stateMachineArn");
        this.runIds = Objects.requireNonNull(runIds, "runIds");
        this.console = Objects.requireNonNull(console, "console");
    }

    /** A started run. */
    public record StartedRun(String runId, String executionArn) { }

    /**
     * @param runId the id to use, or null to generate one
     * @param wait follow the run until it ends or waits for approval
     */
    public int run(String runId, boolean wait) {
        StartedRun started = start(runId);
        if (!wait) {
            return ExitCodes.OK;
        }
        try {
            ExecutionWatcher watcher = new ExecutionWatcher(executions, console);
            return watcher.report(watcher.watch(started.executionArn(), started.runId()));
        } catch (ServiceException e) {
            throw Failures.of(e);
        }
    }

    /**
     * Starts the run and prints its id; for callers (the demo) that follow it themselves with an
     * {@link ExecutionWatcher}.
     *
     * @param runId the id to use, or null to generate one
     */
    public StartedRun start(String runId) {
        String id = runId == null ? runIds.next() : RunIds.requireValid(runId);
        String executionArn;
        try {
            executionArn = executions.start(stateMachineArn, id, input(id));
        } catch (ServiceException e) {
            if (e.kind() == ServiceException.Kind.ALREADY_EXISTS) {
                throw new CommandException("Run " + id + " already exists; to run it again: scangate replay " + id, e);
            }
            throw Failures.of(e);
        }
        console.out().println("Started run " + id);
        console.out().println("  execution " + executionArn);
        return new StartedRun(id, executionArn);
    }

    static String input(String runId) {
        try {
            return JSON.writeValueAsString(Map.of("id", runId));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a one-field JSON object", e);
        }
    }
}
