package dev.scangate.lambdas.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.scangate.lambdas.aws.AwsClientFactory;
import dev.scangate.lambdas.aws.macie.MacieClassificationJobs;
import dev.scangate.lambdas.core.config.Environment;
import dev.scangate.lambdas.core.scan.ClassificationJobs;
import dev.scangate.lambdas.core.scan.ScanJobSettings;
import dev.scangate.lambdas.core.scan.StartScan;
import java.util.Map;

/** {@code {runId}} → {@code {jobId, jobArn}}. */
public final class StartScanHandler extends JsonStreamHandler {

    private final StartScan startScan;
    private final Environment environment;

    public StartScanHandler() {
        this(System.getenv());
    }

    public StartScanHandler(Map<String, String> environment) {
        this(new MacieClassificationJobs(AwsClientFactory.fromEnvironment(environment).macie2()), environment);
    }

    StartScanHandler(ClassificationJobs jobs, Map<String, String> environment) {
        this.environment = Environment.of(environment);
        this.startScan = new StartScan(jobs, this.environment.required("SCAN_STAGE_BUCKET"),
                ScanJobSettings.from(this.environment));
    }

    @Override
    protected Object handle(Payload payload, Context context) {
        var runId = payload.runId();
        return startScan.start(runId, AccountIds.resolve(environment, context));
    }
}
