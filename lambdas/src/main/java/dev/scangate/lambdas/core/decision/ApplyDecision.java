package dev.scangate.lambdas.core.decision;

import dev.scangate.lambdas.core.StepInputException;
import dev.scangate.lambdas.core.config.BucketNames;
import dev.scangate.lambdas.core.document.RunDocuments;
import dev.scangate.lambdas.core.move.MoveOutcome;
import dev.scangate.lambdas.core.move.MoveRequest;
import dev.scangate.lambdas.core.move.ObjectMover;
import dev.scangate.lambdas.core.report.Decision;
import dev.scangate.lambdas.core.report.ReportObject;
import dev.scangate.lambdas.core.report.Route;
import dev.scangate.lambdas.core.routing.ReportKeys;
import dev.scangate.lambdas.core.routing.Tags;
import dev.scangate.lambdas.core.run.Batches;
import dev.scangate.lambdas.core.run.Deadline;
import dev.scangate.lambdas.core.run.RunId;
import dev.scangate.lambdas.core.staging.StagingSettings;
import dev.scangate.lambdas.core.storage.BucketNotFoundException;
import dev.scangate.lambdas.core.storage.ObjectStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a person's decision to held objects: APPROVE moves the object from manual-review to
 * curated (tagged {@code SensitiveDataFound=true}); DENY deletes it from manual-review, where the
 * versioned bucket keeps it recoverable. The whole decision is checked before anything moves:
 * a key that was not held for review in this run is an error, not ignored.
 */
public final class ApplyDecision {

    private static final Logger LOG = LoggerFactory.getLogger(ApplyDecision.class);

    private final ObjectStore store;
    private final ObjectMover mover;
    private final BucketNames buckets;
    private final StagingSettings settings;
    private final RunDocuments documents;
    private final Clock clock;

    public ApplyDecision(ObjectStore store, BucketNames buckets, StagingSettings settings, Clock clock) {
        this.store = store;
        this.mover = new ObjectMover(store);
        this.buckets = buckets;
        this.settings = settings;
        this.documents = new RunDocuments(store, buckets.scanStage());
        this.clock = clock;
    }

    public DecisionResult apply(RunId runId, String reportKey, Map<String, Decision.Action> decisions, String approver,
                                String decidedAt) {
        try {
            var report = ReportKeys.load(documents, runId, reportKey);
            var byKey = report.objects().stream().collect(Collectors.toMap(ReportObject::key, Function.identity(), (a, b) -> a));
            var unknown = new TreeSet<String>();
            for (var key : decisions.keySet()) {
                var object = byKey.get(key);
                if (object == null || !heldForReview(object)) {
                    unknown.add(key);
                }
            }
            if (!unknown.isEmpty()) {
                throw new StepInputException("decisions", "keys not held for review in run " + runId + ": " + unknown);
            }
            for (var entry : decisions.entrySet()) {
                var earlier = byKey.get(entry.getKey()).decision();
                if (earlier != null && earlier.action() != entry.getValue()) {
                    throw new StepInputException("decisions." + entry.getKey(), "was already decided "
                            + earlier.action() + " by " + earlier.approver() + "; a decision is final");
                }
            }
            var objects = new ArrayList<>(report.objects());
            var progress = Batches.run(objects, 0, objects.size(), settings.copyConcurrency(), Deadline.none(), object -> {
                var action = decisions.get(object.key());
                return action == null ? object : decide(runId, object, new Decision(action, approver, decidedAt));
            });
            documents.writeReport(runId, report.withObjects(progress.results(), clock.instant()));
            int approved = (int) decisions.values().stream().filter(a -> a == Decision.Action.APPROVE).count();
            LOG.info("applied decision of {}: {} approved, {} denied", approver, approved, decisions.size() - approved);
            return new DecisionResult(approved, decisions.size() - approved);
        } catch (BucketNotFoundException e) {
            throw buckets.misconfigured(e);
        }
    }

    private boolean heldForReview(ReportObject object) {
        return object.route() != null && (buckets.manualReview().equals(object.route().bucket()) || object.decision() != null);
    }

    private ReportObject decide(RunId runId, ReportObject object, Decision decision) {
        if (object.decision() != null) {
            return object;
        }
        var held = object.route();
        if (decision.action() == Decision.Action.APPROVE) {
            var target = new Route(buckets.curated(), object.key());
            var outcome = mover.move(new MoveRequest(held.bucket(), held.key(), null, target.bucket(), target.key(),
                    object.versionId(), object.eTag(), Tags.of(true, runId.value())));
            if (outcome == MoveOutcome.SOURCE_MISSING) {
                LOG.warn("approved object {} is no longer in manual-review; decision recorded, nothing promoted", held.key());
                return object.withDecision(held, decision);
            }
            return object.withDecision(target, decision);
        }
        var current = store.head(held.bucket(), held.key(), null);
        // Only our own copy: a later run may have put another object at this key since.
        if (current.isPresent() && Objects.equals(current.get().metadata().get(ObjectMover.SOURCE_VERSION_METADATA),
                object.versionId())) {
            store.delete(held.bucket(), held.key());
        }
        return object.withDecision(held, decision);
    }
}
