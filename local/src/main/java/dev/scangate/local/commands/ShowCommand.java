package dev.scangate.local.commands;

import dev.scangate.local.commands.RunLocator.RunExecutions;
import dev.scangate.local.commands.port.ExecutionDetail;
import dev.scangate.local.commands.port.Executions;
import dev.scangate.local.commands.port.ObjectStore;
import dev.scangate.local.commands.port.ServiceException;
import dev.scangate.local.commands.report.RunReport;
import dev.scangate.local.commands.report.RunReport.ObjectOutcome;
import dev.scangate.local.commands.text.TextTable;
import dev.scangate.local.commands.text.Times;
import java.io.PrintStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code scangate show <run>}: the run's newest execution (status, times, error, redrive status),
 * the path of states it took, and the per-object outcome from its run report when one exists.
 */
public final class ShowCommand {

    private final Executions executions;
    private final ObjectStore objects;
    private final String scanStageBucket;
    private final Console console;
    private final RunLocator locator;

    public ShowCommand(Executions executions, ObjectStore objects, String stateMachineArn, String scanStageBucket,
                       Console console) {
        this.executions = Objects.requireNonNull(executions, "executions");
        this.objects = Objects.requireNonNull(objects, "objects");
        this.scanStageBucket = Objects.requireNonNull(scanStageBucket, "scanStageBucket");
        this.console = Objects.requireNonNull(console, "console");
        this.locator = new RunLocator(executions, stateMachineArn);
    }

    public int run(String run) {
        try {
            RunExecutions found = locator.locate(run);
            printExecution(found);
            printReport(found.runId());
            return ExitCodes.OK;
        } catch (ServiceException e) {
            throw Failures.of(e);
        }
    }

    /** Just the report part, for a run id whose executions are not at hand (e.g. another account's). */
    public int report(String runId) {
        try {
            printReport(RunIds.requireValid(runId));
            return ExitCodes.OK;
        } catch (ServiceException e) {
            throw Failures.of(e);
        }
    }

    private void printExecution(RunExecutions found) {
        PrintStream out = console.out();
        ExecutionDetail e = found.latest();
        out.println("Run " + found.runId());
        out.println("  execution  " + e.name() + "  (" + e.executionArn() + ")");
        out.println("  status     " + e.status());
        out.println("  started    " + Times.instant(e.startDate()) + "   duration "
                + Times.duration(e.startDate(), e.stopDate(), console.clock().instant()));
        if (e.error() != null || e.cause() != null) {
            out.println("  error      " + Objects.toString(e.error(), "-")
                    + (e.cause() == null ? "" : ": " + e.cause().replaceAll("\\s+", " ")));
        }
        if (e.redriveStatus() != null && !e.running()) {
            out.println("  redrive    " + e.redriveStatus()
                    + (e.redriveCount() > 0 ? " (redriven " + e.redriveCount() + "×)" : "")
                    + (e.redriveStatusReason() == null ? "" : ": " + e.redriveStatusReason()));
        }
        if (found.attempts().size() > 1) {
            out.println("  attempts   " + found.attempts().stream()
                    .map(a -> a.name() + " (" + a.status() + ")").collect(Collectors.joining(", ")));
        }
        List<String> states = StatePath.states(executions.history(e.executionArn(), false, 0));
        out.println("  path       " + (states.isEmpty() ? "-" : StatePath.render(states)));
    }

    private void printReport(String runId) {
        PrintStream out = console.out();
        String key = "reports/" + runId + ".json";
        String location = "s3://" + scanStageBucket + "/" + key;
        Optional<byte[]> bytes = objects.get(scanStageBucket, key);
        if (bytes.isEmpty()) {
            out.println("No run report yet (" + location + ").");
            return;
        }
        RunReport report;
        try {
            report = RunReport.parse(bytes.get());
        } catch (IllegalArgumentException e) {
            throw new CommandException("Run report " + location + " is unreadable: " + e.getMessage(), e);
        }
        RunReport.Counts c = report.counts();
        out.println("Report " + location);
        out.println("  scan       job " + Objects.toString(report.jobId(), "-") + " " + Objects.toString(report.jobStatus(), "-")
                + ", threshold " + Objects.toString(report.severityThreshold(), "-"));
        out.println("  objects    " + c.total() + " total, " + c.clean() + " clean, " + c.flagged() + " flagged, "
                + c.unscanned() + " unscanned");
        if (report.objects().isEmpty()) {
            return;
        }
        TextTable table = new TextTable("KEY", "VERDICT", "SEVERITY", "FINDING TYPES", "ROUTE", "DECISION");
        for (ObjectOutcome o : report.objects()) {
            table.row(o.key(), o.verdict(), o.severity(), String.join(",", o.findingTypes()), o.route(), o.decision());
        }
        table.print(out);
    }
}
