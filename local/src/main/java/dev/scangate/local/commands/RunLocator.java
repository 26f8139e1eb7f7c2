package dev.scangate.local.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scangate.local.commands.port.ExecutionDetail;
import dev.scangate.local.commands.port.ExecutionSummary;
import dev.scangate.local.commands.port.Executions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Finds the executions of a run. A run id is the execution input's {@code id} (else the execution
 * name); `scangate run` names the execution after it and replays add {@code -replay-<n>}, so a name
 * match is tried first and only then are the newest executions' inputs read.
 */
public final class RunLocator {

    /** How many executions are listed when looking a run up by name. */
    public static final int DEFAULT_SEARCH_LIMIT = 1000;
    /** How many of the newest executions are described when looking a run up by its input id. */
    public static final int DEFAULT_DESCRIBE_LIMIT = 50;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Executions executions;
    private final String stateMachineArn;
    private final int searchLimit;
    private final int describeLimit;

    public RunLocator(Executions executions, String stateMachineArn) {
        this(executions, stateMachineArn, DEFAULT_SEARCH_LIMIT, DEFAULT_DESCRIBE_LIMIT);
    }

    public RunLocator(Executions executions, String stateMachineArn, int searchLimit, int describeLimit) {
        this.executions = Objects.requireNonNull(executions, "executions");
        this.stateMachineArn = Objects.requireNonNull(stateMachineArn, "stateMachineArn");
        this.searchLimit = searchLimit;
        this.describeLimit = describeLimit;
    }

    /**
     * The run's executions.
     *
     * @param latest the newest execution of the run, described
     * @param attempts every execution of the run found, newest first (includes {@code latest})
     */
    public record RunExecutions(String runId, ExecutionDetail latest, List<ExecutionSummary> attempts) { }

    /** @param run a run id, an execution name or an execution ARN */
    public RunExecutions locate(String run) {
        if (run != null && run.startsWith("arn:")) {
            ExecutionDetail detail = executions.describe(run)
                    .orElseThrow(() -> new CommandException("No execution " + run));
            return new RunExecutions(runIdOf(detail), detail, List.of(detail.summary()));
        }
        RunIds.requireValid(run);
        List<ExecutionSummary> recent = executions.list(stateMachineArn, searchLimit);
        Pattern replay = Pattern.compile(Pattern.quote(run) + "-replay-\\d+");
        List<ExecutionSummary> byName = recent.stream()
                .filter(e -> e.name().equals(run) || replay.matcher(e.name()).matches())
                .toList();
        if (!byName.isEmpty()) {
            ExecutionDetail latest = describe(byName.get(0));
            return new RunExecutions(runIdOf(latest), latest, byName);
        }
        List<ExecutionDetail> byInput = new ArrayList<>();
        for (ExecutionSummary e : recent.subList(0, Math.min(describeLimit, recent.size()))) {
            ExecutionDetail d = describe(e);
            if (run.equals(runIdOf(d))) {
                byInput.add(d);
            }
        }
        if (byInput.isEmpty()) {
            throw new CommandException("No run " + run + " found among the newest " + Math.min(searchLimit, recent.size())
                    + " executions of " + stateMachineArn);
        }
        return new RunExecutions(run, byInput.get(0), byInput.stream().map(ExecutionDetail::summary).toList());
    }

    /** The execution input's {@code id} when it is a non-empty string, else the execution name. */
    public static String runIdOf(ExecutionDetail detail) {
        JsonNode id = inputOf(detail).path("id");
        return id.isTextual() && !id.asText().isEmpty() ? id.asText() : detail.name();
    }

    static JsonNode inputOf(ExecutionDetail detail) {
        if (detail.input() == null || detail.input().isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(detail.input());
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private ExecutionDetail describe(ExecutionSummary e) {
        return executions.describe(e.executionArn())
                .orElseThrow(() -> new CommandException("Execution " + e.executionArn() + " disappeared while reading it"));
    }
}
