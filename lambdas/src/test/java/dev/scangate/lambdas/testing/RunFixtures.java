package dev.scangate.lambdas.testing;

import dev.scangate.lambdas.aws.AwsClientFactory;
import dev.scangate.lambdas.aws.s3.S3ObjectStore;
import dev.scangate.lambdas.core.config.Environment;
import dev.scangate.lambdas.core.document.RunDocuments;
import dev.scangate.lambdas.core.report.Counts;
import dev.scangate.lambdas.core.report.ReportObject;
import dev.scangate.lambdas.core.report.RunReport;
import dev.scangate.lambdas.core.report.ScanStatus;
import dev.scangate.lambdas.core.report.Severity;
import dev.scangate.lambdas.core.report.Verdict;
import dev.scangate.lambdas.core.run.RunId;
import dev.scangate.lambdas.core.staging.Manifest;
import java.time.Instant;
import java.util.Map;

/** Puts a staged run in the state after CollectFindings: a report with given verdicts. */
public final class RunFixtures {

    private RunFixtures() {
    }

    /** Writes the report of an already staged run, giving each key its verdict (UNSCANNED if unnamed). */
    public static void writeReport(PipelineBuckets pipeline, String runId, Map<String, Verdict> verdicts) {
        var env = pipeline.environment();
        var store = S3ObjectStore.fromEnvironment(AwsClientFactory.fromEnvironment(env), Environment.of(env));
        var documents = new RunDocuments(store, PipelineBuckets.SCAN_STAGE);
        var run = RunId.of(runId);
        Manifest manifest = documents.manifest(run).orElseThrow();
        var objects = manifest.objects().stream().map(entry -> {
            var verdict = verdicts.getOrDefault(entry.key(), Verdict.UNSCANNED);
            return new ReportObject(entry.key(), run.stagedKey(entry.key()), entry.versionId(), entry.sizeBytes(),
                    entry.eTag(), verdict, verdict == Verdict.FLAGGED ? Severity.HIGH : null,
                    new ScanStatus(verdict == Verdict.UNSCANNED ? "SKIPPED" : "COMPLETE", null),
                    null, null, null, null, null);
        }).toList();
        var now = Instant.now();
        documents.writeReport(run, new RunReport(runId, "job-1", "COMPLETE", Severity.MEDIUM, now, now,
                Counts.of(objects), objects));
    }
}
