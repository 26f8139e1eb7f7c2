package dev.scangate.lambdas.core.routing;

import dev.scangate.lambdas.core.StepInputException;
import dev.scangate.lambdas.core.config.BucketNames;
import dev.scangate.lambdas.core.document.RunDocuments;
import dev.scangate.lambdas.core.move.MoveOutcome;
import dev.scangate.lambdas.core.move.MoveRequest;
import dev.scangate.lambdas.core.move.ObjectMover;
import dev.scangate.lambdas.core.report.ReportObject;
import dev.scangate.lambdas.core.report.Route;
import dev.scangate.lambdas.core.report.RunReport;
import dev.scangate.lambdas.core.report.Verdict;
import dev.scangate.lambdas.core.run.Batches;
import dev.scangate.lambdas.core.run.Deadline;
import dev.scangate.lambdas.core.run.RunId;
import dev.scangate.lambdas.core.staging.StagingSettings;
import dev.scangate.lambdas.core.storage.BucketNotFoundException;
import dev.scangate.lambdas.core.storage.ObjectStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CLEAN objects go to curated at their original key; FLAGGED and UNSCANNED ones to
 * {@code manual-review/runs/<runId>/<key>}. Each route is recorded in the report, and an object
 * with a recorded route is not moved again.
 */
public final class RouteObjects {

    private static final Logger LOG = LoggerFactory.getLogger(RouteObjects.class);

    private final ObjectMover mover;
    private final BucketNames buckets;
    private final StagingSettings settings;
    private final RunDocuments documents;
    private final Clock clock;

    public RouteObjects(ObjectStore store, BucketNames buckets, StagingSettings settings, Clock clock) {
        this.mover = new ObjectMover(store);
        this.buckets = buckets;
        this.settings = settings;
        this.documents = new RunDocuments(store, buckets.scanStage());
        this.clock = clock;
    }

    public RouteResult route(RunId runId, String reportKey, int cursor, Deadline deadline) {
        try {
            var report = ReportKeys.load(documents, runId, reportKey);
            var objects = new ArrayList<>(report.objects());
            if (cursor < 0 || cursor > objects.size()) {
                throw new StepInputException("cursor", "must be between 0 and " + objects.size() + ", got " + cursor);
            }
            var progress = Batches.run(objects, cursor, settings.chunkObjects(), settings.copyConcurrency(), deadline,
                    object -> routeOne(runId, object));
            for (int i = 0; i < progress.processed(); i++) {
                objects.set(cursor + i, progress.results().get(i));
            }
            var updated = report.withObjects(objects, clock.instant());
            documents.writeReport(runId, updated);
            int next = cursor + progress.processed();
            LOG.info("routed objects {} to {} of {}", cursor, next, objects.size());
            return new RouteResult(next, next >= objects.size(), count(updated, buckets.curated()),
                    count(updated, buckets.manualReview()));
        } catch (BucketNotFoundException e) {
            throw buckets.misconfigured(e);
        }
    }

    private ReportObject routeOne(RunId runId, ReportObject object) {
        if (object.route() != null) {
            return object;
        }
        boolean clean = object.verdict() == Verdict.CLEAN;
        var target = clean ? new Route(buckets.curated(), object.key())
                : new Route(buckets.manualReview(), runId.stagedKey(object.key()));
        var outcome = mover.move(new MoveRequest(buckets.scanStage(), object.stagedKey(), null, target.bucket(),
                target.key(), object.versionId(), object.eTag(), Tags.of(!clean, runId.value())));
        if (outcome == MoveOutcome.SOURCE_MISSING) {
            LOG.warn("staged copy {} is gone and was not routed; left unrouted", object.stagedKey());
            return object;
        }
        return object.withRoute(target);
    }

    private static int count(RunReport report, String bucket) {
        return (int) report.objects().stream()
                .filter(o -> o.route() != null && Objects.equals(o.route().bucket(), bucket)).count();
    }
}
