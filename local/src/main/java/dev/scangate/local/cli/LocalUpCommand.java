package dev.scangate.local.cli;

import dev.scangate.local.runtime.LocalConfig;
import dev.scangate.local.runtime.LocalResources;
import dev.scangate.local.runtime.LocalRuntime;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Starts the runtime and keeps it running until Ctrl-C, which stops it cleanly. */
@Command(name = "up", description = "Start the local runtime (edge endpoint, S3, DynamoDB, SNS, EventBridge, ...) and keep it running.")
final class LocalUpCommand implements Callable<Integer> {

    @Mixin
    RuntimeOptions options = new RuntimeOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        LocalConfig config = options.toConfig();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Starting ScanGate locally (data in " + config.dataDir().toAbsolutePath().normalize() + ") ...");
        out.flush();
        var runtime = RuntimeAssembly.assemble(config, System.out).build().start();
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping ScanGate ...");
            out.flush();
            runtime.stop();
            out.println("Stopped.");
            out.flush();
            stopped.countDown();
        }, "scangate-shutdown"));
        printBanner(out, runtime);
        stopped.await();
        return 0;
    }

    private static void printBanner(PrintWriter out, LocalRuntime runtime) {
        var config = runtime.config();
        out.println("ScanGate local runtime is up.");
        String envFlags = config.port() == 4566 ? "" : " --port " + runtime.endpoint().getPort();
        out.println("  AWS endpoint    " + runtime.endpoint() + "   (eval \"$(./scangate local env" + envFlags + ")\" for the AWS CLI)");
        // the bound port: with --web-port 0 it is only known now
        out.println("  web console     " + runtime.webEndpoint() + "/   (approval pages under /approvals/)");
        out.println("  data directory  " + runtime.dataDirectory().root());
        out.println("  buckets         " + String.join(", ", LocalResources.BUCKETS));
        out.println("  approval table  " + LocalResources.APPROVAL_TABLE);
        out.println("  schedule        " + (config.schedule() == null ? "off" : config.schedule()));
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }
}
