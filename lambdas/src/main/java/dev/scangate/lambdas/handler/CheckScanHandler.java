package dev.scangate.lambdas.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.scangate.lambdas.aws.AwsClientFactory;
import dev.scangate.lambdas.aws.macie.MacieClassificationJobs;
import dev.scangate.lambdas.core.scan.Backoff;
import dev.scangate.lambdas.core.scan.CheckScan;
import dev.scangate.lambdas.core.scan.ClassificationJobs;
import java.util.Map;

/** {@code {runId, jobId, attempt, backoff}} → {@code {jobStatus, decision, attempt, nextWaitSeconds}}. */
public final class CheckScanHandler extends JsonStreamHandler {

    private final CheckScan checkScan;

    public CheckScanHandler() {
        this(System.getenv());
    }

    public CheckScanHandler(Map<String, String> environment) {
        this(new MacieClassificationJobs(AwsClientFactory.fromEnvironment(environment).macie2()));
    }

    CheckScanHandler(ClassificationJobs jobs) {
        this.checkScan = new CheckScan(jobs);
    }

    @Override
    protected Object handle(Payload payload, Context context) {
        payload.runId();
        var backoff = payload.object("backoff");
        return checkScan.check(payload.requiredString("jobId"), payload.requiredInteger("attempt"),
                new Backoff(backoff.requiredNumber("firstSeconds"), backoff.requiredNumber("factor"),
                        backoff.requiredNumber("capSeconds")));
    }
}
