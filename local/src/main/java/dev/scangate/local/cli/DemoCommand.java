package dev.scangate.local.cli;

import dev.scangate.local.commands.ExecutionWatcher;
import dev.scangate.local.commands.RunCommand;
import dev.scangate.local.commands.aws.AwsCommands;
import dev.scangate.local.runtime.LocalConfig;
import dev.scangate.local.runtime.LocalRuntime;
import dev.scangate.local.samples.SampleFiles;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * {@code scangate demo}: the whole pipeline once, on this machine. Starts the runtime, puts the
 * sample files into the raw bucket, runs the pipeline, and either waits for a decision in the
 * browser or decides for every held object ({@code --approve}/{@code --deny}); then shows where
 * each object ended.
 */
@Command(name = "demo", description = "Start the runtime, put sample files (clean and sensitive), run the pipeline once, "
        + "walk through the approval (in the browser, or --approve/--deny), then show where each object ended.")
final class DemoCommand implements Callable<Integer> {

    static final String DEMO_APPROVER = "approver@example.com";

    @Mixin
    RuntimeOptions options = new RuntimeOptions();

    @Option(names = "--approve", description = "Approve every held object without a browser.")
    boolean approveAll;

    @Option(names = "--deny", description = "Deny every held object without a browser.")
    boolean denyAll;

    @Option(names = "--wait-minutes", paramLabel = "N", description = "How long to wait for a decision in the browser (default 60).")
    long waitMinutes = 60;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (approveAll && denyAll) {
            throw new ParameterException(spec.commandLine(), "choose one of --approve and --deny");
        }
        if (waitMinutes < 1) {
            throw new ParameterException(spec.commandLine(), "--wait-minutes must be at least 1");
        }
        PrintStream out = System.out;
        LocalConfig config = demoConfig(options);
        out.println("Starting ScanGate locally (data in " + config.dataDir().toAbsolutePath().normalize() + ") ...");
        try (LocalRuntime runtime = RuntimeAssembly.assemble(config, out).build().start();
             AwsCommands commands = AwsCommands.forEndpoint(runtime.endpoint(), out)) {
            Path samples = runtime.dataDirectory().root().resolve("demo-samples");
            SampleFiles.write(samples);
            out.println();
            out.println("1. Putting sample files (clean and sensitive: csv, json, txt, pdf, docx) into the raw bucket");
            commands.put().run(List.of(samples), null);
            out.println();
            out.println("2. Running the pipeline: stage, scan with the local Macie, route");
            RunCommand.StartedRun run = commands.run().start(null);
            ExecutionWatcher.Outcome outcome = commands.watcher().watch(run.executionArn(), run.runId());
            if (outcome.waitingForApproval()) {
                out.println();
                out.println("3. Objects are held for review; the approval email is in " + runtime.dataDirectory().outbox());
                var approval = ApprovalLinks.latestFor(runtime.dataDirectory().outbox(), run.runId());
                if (approveAll || denyAll) {
                    String action = approveAll ? "APPROVE" : "DENY";
                    int decided = approval.decideAll(action, DEMO_APPROVER);
                    out.println("   Decided " + action + " for " + decided + " object(s) as " + DEMO_APPROVER);
                } else {
                    out.println("   Open this link in your browser and decide (GET only shows the page; nothing is decided until you submit):");
                    out.println("   " + approval.link());
                    out.println("   Waiting up to " + waitMinutes + " minute(s) for your decision ...");
                }
                awaitEnd(runtime.clients().sfn(), run.executionArn(), Duration.ofMinutes(waitMinutes));
            }
            out.println();
            out.println("4. Where each object ended");
            int code = commands.show().run(run.runId());
            out.println();
            out.println("The data stays in " + runtime.dataDirectory().root()
                    + "; './scangate local up' serves it again, 'scangate runs' and 'scangate show' read it.");
            return code;
        }
    }

    static LocalConfig demoConfig(RuntimeOptions options) {
        LocalConfig base = options.toConfig();
        var builder = base.toBuilder();
        if (options.schedule == null) {
            builder.schedule("off"); // the demo runs once, now; the schedule is for 'local up'
        }
        if (base.approvers().isEmpty()) {
            builder.approvers(List.of(DEMO_APPROVER));
        }
        return builder.build();
    }

    private static void awaitEnd(SfnClient sfn, String executionArn, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            var status = sfn.describeExecution(b -> b.executionArn(executionArn)).status();
            if (status != ExecutionStatus.RUNNING) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the run to finish", e);
            }
        }
        throw new IllegalStateException("no decision within " + limit.toMinutes()
                + " minute(s); the run still waits: 'scangate local up' keeps it, and the link stays valid until it expires");
    }
}
