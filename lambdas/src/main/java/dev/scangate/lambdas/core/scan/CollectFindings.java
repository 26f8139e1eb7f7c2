package dev.scangate.lambdas.core.scan;

import dev.scangate.lambdas.core.StepInputException;
import dev.scangate.lambdas.core.document.RunDocuments;
import dev.scangate.lambdas.core.report.Counts;
import dev.scangate.lambdas.core.report.ReportObject;
import dev.scangate.lambdas.core.report.RunReport;
import dev.scangate.lambdas.core.report.ScanStatus;
import dev.scangate.lambdas.core.report.Severity;
import dev.scangate.lambdas.core.run.RunId;
import dev.scangate.lambdas.core.staging.ManifestEntry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every manifest object a verdict from the job's findings and discovery results and writes
 * the run report. Re-running it rewrites the verdicts but keeps any route and decision already
 * recorded, so a retry after RouteObjects started cannot erase the audit trail.
 */
public final class CollectFindings {

    private static final Logger LOG = LoggerFactory.getLogger(CollectFindings.class);

    private final Findings findings;
    private final Optional<DiscoveryResults> discoveryResults;
    private final RunDocuments documents;
    private final boolean requireDiscoveryResults;
    private final Clock clock;

    /**
     * @param discoveryResults empty when no results location is configured, which is only allowed
     *     with {@code requireDiscoveryResults} false
     */
    public CollectFindings(Findings findings, Optional<DiscoveryResults> discoveryResults, RunDocuments documents,
                           boolean requireDiscoveryResults, Clock clock) {
        if (requireDiscoveryResults && discoveryResults.isEmpty()) {
            throw new StepInputException("MACIE_RESULTS_BUCKET",
                    "is required unless REQUIRE_DISCOVERY_RESULTS=false");
        }
        this.findings = findings;
        this.discoveryResults = discoveryResults;
        this.documents = documents;
        this.requireDiscoveryResults = requireDiscoveryResults;
        this.clock = clock;
    }

    public CollectResult collect(RunId runId, String jobId, String jobStatus, Severity threshold) {
        var manifest = documents.manifest(runId).orElseThrow(() -> new StepInputException("runId",
                "run " + runId + " has no manifest at s3://" + documents.bucket() + "/" + runId.manifestKey()));
        boolean complete = ScanStatus.COMPLETE.equals(jobStatus);
        var byKey = jobId == null ? Map.<String, List<ObjectFinding>>of()
                : findings.forJob(jobId).stream()
                        .filter(f -> documents.bucket().equals(f.bucket()))
                        .collect(Collectors.groupingBy(ObjectFinding::key));
        Map<String, DiscoveryResult> results = complete && discoveryResults.isPresent()
                ? discoveryResults.get().forJob(jobId).stream()
                        .filter(r -> documents.bucket().equals(r.bucket()))
                        .collect(Collectors.toMap(DiscoveryResult::key, Function.identity(), CollectFindings::worse))
                : Map.of();
        var rules = new VerdictRules(threshold, requireDiscoveryResults);
        var previous = documents.report(runId.reportKey());
        var earlier = previous.map(r -> r.objects().stream()
                        .collect(Collectors.toMap(ReportObject::key, Function.identity(), (a, b) -> a)))
                .orElseGet(HashMap::new);

        var objects = new ArrayList<ReportObject>();
        for (ManifestEntry entry : manifest.objects()) {
            var stagedKey = runId.stagedKey(entry.key());
            var objectFindings = byKey.getOrDefault(stagedKey, List.of());
            var status = complete ? statusOf(results.get(stagedKey)) : new ScanStatus(null, "JOB_" + jobStatus);
            var severity = objectFindings.stream().map(ObjectFinding::severity).filter(s -> s != null)
                    .max(Enum::compareTo).orElse(null);
            var verdict = rules.verdict(complete, severity, status);
            var kept = earlier.get(entry.key());
            objects.add(new ReportObject(entry.key(), stagedKey, entry.versionId(), entry.sizeBytes(), entry.eTag(),
                    verdict, severity, status,
                    objectFindings.stream().map(ObjectFinding::id).toList(),
                    List.copyOf(objectFindings.stream().map(ObjectFinding::type).collect(Collectors.toCollection(LinkedHashSet::new))),
                    objectFindings.stream().flatMap(f -> f.detections().stream()).toList(),
                    kept == null ? null : kept.route(), kept == null ? null : kept.decision()));
        }
        var now = clock.instant();
        var counts = Counts.of(objects);
        var report = new RunReport(runId.value(), jobId, jobStatus, threshold,
                previous.map(RunReport::createdAt).orElse(now), now, counts, objects);
        documents.writeReport(runId, report);
        LOG.info("report written: {} objects, {} clean, {} flagged, {} unscanned", counts.total(), counts.clean(),
                counts.flagged(), counts.unscanned());
        return new CollectResult(runId.reportKey(), counts);
    }

    private static ScanStatus statusOf(DiscoveryResult result) {
        return result == null ? new ScanStatus(null, "NO_DISCOVERY_RESULT")
                : new ScanStatus(result.statusCode(), result.reason());
    }

    /** Two results for one object (a re-analysis): trust the less complete one. */
    private static DiscoveryResult worse(DiscoveryResult a, DiscoveryResult b) {
        return ScanStatus.COMPLETE.equals(a.statusCode()) ? b : a;
    }
}
