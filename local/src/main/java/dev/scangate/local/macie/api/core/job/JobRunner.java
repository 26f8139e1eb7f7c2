package dev.scangate.local.macie.api.core.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.local.macie.api.core.MacieAccount;
import dev.scangate.local.macie.api.core.MacieState;
import dev.scangate.local.macie.api.core.ObjectStore;
import dev.scangate.local.macie.api.core.ObjectStoreException;
import dev.scangate.local.macie.api.core.finding.AnalysedObject;
import dev.scangate.local.macie.api.core.finding.FindingFactory;
import dev.scangate.local.macie.api.core.identifier.AllowListService;
import dev.scangate.local.macie.api.core.identifier.CustomDataIdentifier;
import dev.scangate.local.macie.scanner.ScanResult;
import dev.scangate.local.macie.scanner.ScanSettings;
import dev.scangate.local.macie.scanner.SensitiveDataScanner;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs classification jobs in the background: lists the job's buckets, applies its scoping and
 * sampling, scans each object's latest version, records findings and writes discovery results
 * (one record per object, skipped ones included). A run checks between objects whether it was
 * paused or cancelled. A run that did not finish (process restart) starts over, replacing what
 * the unfinished run left behind. Stopping the runner is not a failure of the jobs it was running:
 * they stay RUNNING, so {@link #resumeUnfinished()} starts them over at the next start.
 */
public final class JobRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    private static final Set<String> UNANALYSABLE_STORAGE = Set.of("GLACIER", "DEEP_ARCHIVE");

    private final MacieState state;
    private final ObjectStore store;
    private final SensitiveDataScanner scanner;
    private final AllowListService allowLists;
    private final FindingFactory findings;
    private final ObjectMapper mapper;
    private final MacieAccount account;
    private final Clock clock;
    private final Settings settings;
    private final ExecutorService executor;
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    /** Set before the job threads are interrupted, so a run can tell a shutdown from a broken run. */
    private volatile boolean stopping;

    /**
     * @param delay artificial wait before a run starts (imitates Macie's latency); a resumed job waits it again
     * @param resultsLocation null when no results repository is configured
     * @param recordsPerFile discovery-result records per gzip file
     * @param threads jobs that may run at once
     */
    public record Settings(Duration delay, ResultsLocation resultsLocation, int recordsPerFile, int threads) { }

    public JobRunner(MacieState state, ObjectStore store, SensitiveDataScanner scanner, AllowListService allowLists,
            FindingFactory findings, ObjectMapper mapper, MacieAccount account, Clock clock, Settings settings) {
        this.state = state;
        this.store = store;
        this.scanner = scanner;
        this.allowLists = allowLists;
        this.findings = findings;
        this.mapper = mapper;
        this.account = account;
        this.clock = clock;
        this.settings = settings;
        this.executor = Executors.newFixedThreadPool(settings.threads(), r -> {
            var thread = new Thread(r, "local-macie-job");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts (or restarts) a run unless one is already under way for the job. A paused job gives its
     * thread back, so paused jobs never hold up others; resuming submits it again.
     */
    public void submit(String jobId) {
        if (active.add(jobId)) {
            try {
                executor.execute(() -> {
                    try {
                        run(jobId);
                    } finally {
                        active.remove(jobId);
                        // A resume that arrived while this run was winding down found it still active.
                        if (state.job(jobId).map(j -> j.status() == JobStatus.RUNNING).orElse(false)
                                && !executor.isShutdown()) {
                            submit(jobId);
                        }
                    }
                });
            } catch (RejectedExecutionException e) {
                // Stopping: the job stays RUNNING and the next start resumes it.
                active.remove(jobId);
            }
        }
    }

    /** Restarts the runs a previous process left RUNNING. */
    public void resumeUnfinished() {
        state.jobs().stream().filter(j -> j.status() == JobStatus.RUNNING).forEach(j -> submit(j.jobId()));
    }

    @Override
    public void close() {
        stopping = true;
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(String jobId) {
        MDC.put("jobId", jobId);
        // The pipeline uses its run id as the job's client token, so job logs join the run's logs.
        state.job(jobId).map(ClassificationJob::clientToken).ifPresent(token -> MDC.put("runId", token));
        try {
            if (!awaitDelay(jobId)) {
                return;
            }
            var job = startRun(jobId);
            LOG.info("classification job started: {}", job.name());
            var writer = new DiscoveryResultsWriter(mapper, store, account, settings.resultsLocation(), jobId,
                    settings.recordsPerFile(), key -> state.updateJob(jobId, j -> j.withResultKey(key)));
            var scanSettings = scanSettings(job);
            var candidates = candidates(job);
            state.updateJob(jobId, j -> j.withObjectsToProcess(candidates.size()));
            for (var candidate : candidates) {
                if (stopping) {
                    break;
                }
                if (!mayContinue(jobId)) {
                    // Cancelled: keep what was analysed. Paused: the resumed run starts over and replaces it.
                    writer.flush();
                    state.persist();
                    LOG.info("classification job stopped: {}", state.job(jobId).map(ClassificationJob::status)
                            .orElse(null));
                    return;
                }
                analyse(job, candidate, scanSettings, writer);
            }
            if (stopping) {
                // The object analysed when the stop came may have been cut short: never complete on it.
                leftRunning(null);
                return;
            }
            writer.flush();
            synchronized (state) {
                state.updateJob(jobId, j -> j.status() == JobStatus.RUNNING ? j.withStatus(JobStatus.COMPLETE, null) : j);
            }
            LOG.info("classification job finished: {} objects", candidates.size());
        } catch (RuntimeException | Error e) {
            if (stopping) {
                // An interrupted read or write, not a broken run.
                leftRunning(e);
                return;
            }
            // A broken run must not stay RUNNING forever (nor be resubmitted in a loop): the pipeline
            // fails closed on anything but COMPLETE.
            LOG.error("classification job failed", e);
            state.job(jobId).ifPresent(j -> state.updateJob(jobId,
                    x -> x.status().isTerminal() ? x : x.withLastRunError().withStatus(JobStatus.CANCELLED, null)));
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
        } catch (InterruptedException e) {
            leftRunning(null);
            Thread.currentThread().interrupt();
        } finally {
            MDC.remove("jobId");
            MDC.remove("runId");
        }
    }

    private void leftRunning(Throwable cause) {
        LOG.info("classification job stopped with the runtime; it starts over at the next start{}",
                cause == null ? "" : " (" + cause + ")");
    }

    /**
     * Replaces what an unfinished earlier run of this job left behind. Every results file under the
     * job's prefix goes, not only the recorded ones: a write cut short by a stop may have stored a
     * file it never got to record, and readers take every file under the prefix.
     */
    private ClassificationJob startRun(String jobId) {
        var location = settings.resultsLocation();
        if (location != null) {
            var leftovers = new ArrayList<String>();
            try {
                store.list(location.bucket(), location.jobPrefix(account, jobId), o -> leftovers.add(o.key()));
            } catch (ObjectStoreException e) {
                if (e.kind() != ObjectStoreException.Kind.NO_SUCH_BUCKET) {
                    throw e;
                }
                // nothing to replace; writing this run's results reports the missing bucket
            }
            leftovers.forEach(key -> store.delete(location.bucket(), key));
        }
        state.removeFindingsOfJob(jobId);
        return state.updateJob(jobId, j -> j.withRunStarted(j.lastRunTime() == null ? clock.instant() : j.lastRunTime()));
    }

    private boolean awaitDelay(String jobId) throws InterruptedException {
        long remaining = settings.delay().toMillis();
        while (true) {
            if (!mayContinue(jobId)) {
                return false;
            }
            if (remaining <= 0) {
                return true;
            }
            long started = System.nanoTime();
            synchronized (state) {
                if (state.job(jobId).map(j -> j.status() == JobStatus.RUNNING).orElse(false)) {
                    state.awaitChange(remaining);
                }
            }
            remaining -= TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        }
    }

    /** True while the job may go on; false when it was paused, cancelled or no longer exists. */
    private boolean mayContinue(String jobId) {
        return state.job(jobId).map(j -> j.status() == JobStatus.RUNNING).orElse(false);
    }

    private ScanSettings scanSettings(ClassificationJob job) {
        var definition = job.definition();
        var selector = ScanSettings.ManagedSelector.valueOf(definition.path("managedDataIdentifierSelector").asText());
        var managedIds = new HashSet<String>();
        definition.path("managedDataIdentifierIds").forEach(n -> managedIds.add(n.asText()));
        var custom = new ArrayList<ScanSettings.CustomIdentifier>();
        definition.path("customDataIdentifierIds").forEach(n -> state.customDataIdentifier(n.asText())
                .map(CustomDataIdentifier::toScanSetting).ifPresentOrElse(custom::add, () -> markError(job.jobId(),
                        "custom data identifier " + n.asText() + " is gone")));
        var allowListIds = new ArrayList<String>();
        definition.path("allowListIds").forEach(n -> allowListIds.add(n.asText()));
        var resolved = allowLists.resolveForJob(allowListIds);
        resolved.problems().forEach(p -> markError(job.jobId(), "allow list " + p));
        return new ScanSettings(selector, managedIds, custom, resolved.lists());
    }

    private void markError(String jobId, String problem) {
        LOG.warn("classification job run error: {}", problem);
        state.updateJob(jobId, ClassificationJob::withLastRunError);
    }

    private record Candidate(ObjectStore.BucketInfo bucket, ObjectStore.ObjectSummary object) { }

    private List<Candidate> candidates(ClassificationJob job) {
        var s3 = job.definition().path("s3JobDefinition");
        var scope = JobScope.parse(s3.get("scoping"));
        var candidates = new ArrayList<Candidate>();
        for (var definition : s3.path("bucketDefinitions")) {
            for (var bucketName : definition.path("buckets")) {
                var bucket = store.bucket(bucketName.asText());
                if (bucket.isEmpty()) {
                    markError(job.jobId(), "bucket " + bucketName.asText() + " doesn't exist");
                    continue;
                }
                var objects = new LinkedHashMap<String, ObjectStore.ObjectSummary>();
                for (var prefix : scope.listingPrefixes()) {
                    store.list(bucket.get().name(), prefix, o -> objects.putIfAbsent(o.key(), o));
                }
                objects.values().stream()
                        .filter(o -> scope.matches(o, () -> store.objectTags(bucket.get().name(), o.key())))
                        .forEach(o -> candidates.add(new Candidate(bucket.get(), o)));
            }
        }
        int percentage = job.definition().path("samplingPercentage").asInt(100);
        if (percentage >= 100) {
            return candidates;
        }
        // Seeded by the job id so a restarted run samples the same objects.
        Collections.shuffle(candidates, new Random(job.jobId().hashCode()));
        int keep = (int) Math.ceil(candidates.size() * percentage / 100.0);
        return new ArrayList<>(candidates.subList(0, keep));
    }

    private void analyse(ClassificationJob job, Candidate candidate, ScanSettings scanSettings,
            DiscoveryResultsWriter writer) {
        var summary = candidate.object();
        var bucketName = candidate.bucket().name();
        var skipReason = skipReason(summary);
        AnalysedObject analysed = analysed(candidate, null, null, null, List.of());
        ScanResult scan = null;
        String reason = skipReason;
        if (reason == null) {
            try {
                var outcome = store.read(bucketName, summary.key(), content -> new Object[] {
                    analysed(candidate, content.versionId(), content.encryptionType(), content.kmsKeyId(), List.of()),
                    scan(summary, content.stream(), scanSettings)});
                analysed = (AnalysedObject) outcome[0];
                scan = (ScanResult) outcome[1];
            } catch (ObjectStoreException e) {
                reason = switch (e.kind()) {
                    case NO_SUCH_KEY -> "SOURCE_OBJECT_NO_LONGER_AVAILABLE";
                    case NO_SUCH_BUCKET -> "NO_SUCH_BUCKET_AVAILABLE";
                    case ACCESS_DENIED -> "PERMISSION_DENIED";
                    case INVALID_OBJECT_STATE -> "INVALID_OBJECT_STATE";
                    case OTHER -> "UNABLE_TO_PARSE_FILE";
                };
                LOG.warn("object skipped: s3://{}/{}: {}", bucketName, summary.key(), reason);
            }
        }
        ObjectNode result = scan == null ? findings.skippedResult(reason) : scan.result();
        var location = writer.currentLocation();
        if (scan != null && scan.hasFinding()) {
            var tagged = analysed(candidate, analysed.versionId(), analysed.encryptionType(), analysed.kmsKeyId(),
                    store.objectTags(bucketName, summary.key()));
            state.addFinding(findings.finding(job, tagged, scan, location, clock.instant()));
        }
        writer.add(findings.discoveryRecord(job, analysed, result));
    }

    private ScanResult scan(ObjectStore.ObjectSummary summary, java.io.InputStream content, ScanSettings scanSettings) {
        try {
            return scanner.scan(summary.key(), summary.size(), content, scanSettings);
        } catch (RuntimeException e) {
            // The scanner promises not to throw; if it does, the object is reported unanalysed, never clean.
            LOG.warn("scanner failed on {}", summary.key(), e);
            return new ScanResult(findings.skippedResult("UNABLE_TO_PARSE_FILE"), null, null, 0);
        }
    }

    private static String skipReason(ObjectStore.ObjectSummary summary) {
        if (summary.storageClass() != null && UNANALYSABLE_STORAGE.contains(summary.storageClass())) {
            return "INVALID_OBJECT_STATE";
        }
        if (summary.size() > SizeLimits.maxBytes(JobScope.extension(summary.key()))) {
            return "FILE_EXCEEDS_SIZE_LIMIT";
        }
        return null;
    }

    private static AnalysedObject analysed(Candidate candidate, String versionId, String encryptionType, String kmsKeyId,
            List<ObjectStore.Tag> tags) {
        var o = candidate.object();
        return new AnalysedObject(candidate.bucket(), o.key(), o.size(), o.eTag(), versionId, o.lastModified(),
                o.storageClass(), encryptionType, kmsKeyId, tags);
    }
}
