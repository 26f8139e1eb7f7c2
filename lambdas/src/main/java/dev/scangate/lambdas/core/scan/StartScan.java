package dev.scangate.lambdas.core.scan;

import dev.scangate.lambdas.core.run.RunId;

/**
 * One ONE_TIME job per run over {@code runs/<runId>/} in scan-stage. The run id is the client
 * token, so a retried or re-run StartScan gets the same job back instead of a second one.
 */
public final class StartScan {

    private final ClassificationJobs jobs;
    private final String scanStageBucket;
    private final ScanJobSettings settings;

    public StartScan(ClassificationJobs jobs, String scanStageBucket, ScanJobSettings settings) {
        this.jobs = jobs;
        this.scanStageBucket = scanStageBucket;
        this.settings = settings;
    }

    public ScanJob start(RunId runId, String accountId) {
        return jobs.start(new ScanJobRequest("scangate-" + runId.value(), runId.value(), accountId, scanStageBucket,
                runId.objectPrefix(), settings));
    }
}
