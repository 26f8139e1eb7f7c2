package dev.scangate.lambdas.core.staging;

import dev.scangate.lambdas.core.StepInputException;
import dev.scangate.lambdas.core.config.BucketNames;
import dev.scangate.lambdas.core.document.RunDocuments;
import dev.scangate.lambdas.core.move.MoveOutcome;
import dev.scangate.lambdas.core.move.MoveRequest;
import dev.scangate.lambdas.core.move.ObjectMover;
import dev.scangate.lambdas.core.run.Batches;
import dev.scangate.lambdas.core.run.Deadline;
import dev.scangate.lambdas.core.run.RunId;
import dev.scangate.lambdas.core.storage.BucketNotFoundException;
import dev.scangate.lambdas.core.storage.ObjectStore;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots raw into the run's manifest (once), then moves a chunk of the listed versions to
 * {@code scan-stage/runs/<runId>/<key>} per call. A call with an existing manifest continues from
 * it, so retries, redrives and console re-runs of the same input resume the same run.
 */
public final class StageObjects {

    private static final Logger LOG = LoggerFactory.getLogger(StageObjects.class);

    private final ObjectStore store;
    private final ObjectMover mover;
    private final BucketNames buckets;
    private final StagingSettings settings;
    private final RunDocuments documents;
    private final Clock clock;

    public StageObjects(ObjectStore store, BucketNames buckets, StagingSettings settings, Clock clock) {
        this.store = store;
        this.mover = new ObjectMover(store);
        this.buckets = buckets;
        this.settings = settings;
        this.documents = new RunDocuments(store, buckets.scanStage());
        this.clock = clock;
    }

    public StageResult stage(RunId runId, int cursor, Deadline deadline) {
        if (cursor < 0) {
            throw new StepInputException("cursor", "must be 0 or more, got " + cursor);
        }
        try {
            var manifest = documents.manifest(runId).orElseGet(() -> snapshot(runId));
            var entries = manifest.objects();
            if (cursor > entries.size()) {
                throw new StepInputException("cursor", "is " + cursor + " but the manifest of run " + runId
                        + " lists only " + entries.size() + " objects");
            }
            var progress = Batches.run(entries, cursor, settings.chunkObjects(), settings.copyConcurrency(), deadline,
                    entry -> stageOne(runId, entry));
            int next = cursor + progress.processed();
            long missing = progress.results().stream().filter(o -> o == MoveOutcome.SOURCE_MISSING).count();
            if (missing > 0) {
                LOG.warn("{} listed object version(s) disappeared from raw before staging; they will be UNSCANNED", missing);
            }
            LOG.info("staged objects {} to {} of {}", cursor, next, entries.size());
            return new StageResult(runId.value(), runId.manifestKey(), entries.size(), manifest.byteCount(),
                    manifest.truncated(), next, next >= entries.size());
        } catch (BucketNotFoundException e) {
            throw buckets.misconfigured(e);
        }
    }

    private Manifest snapshot(RunId runId) {
        var listing = store.listLatest(buckets.raw(), settings.maxObjectsPerRun(), settings.maxBytesPerRun());
        var entries = listing.objects().stream()
                .map(o -> new ManifestEntry(o.key(), o.versionId(), o.sizeBytes(), o.eTag(), null))
                .toList();
        var manifest = new Manifest(runId.value(), clock.instant(), buckets.raw(), listing.truncated(), entries);
        documents.writeManifest(runId, manifest);
        LOG.info("snapshot of raw: {} objects, truncated={}", entries.size(), listing.truncated());
        return manifest;
    }

    private MoveOutcome stageOne(RunId runId, ManifestEntry entry) {
        return mover.move(new MoveRequest(buckets.raw(), entry.key(), entry.versionId(), buckets.scanStage(),
                runId.stagedKey(entry.key()), entry.versionId(), entry.eTag(), Map.of()));
    }
}
