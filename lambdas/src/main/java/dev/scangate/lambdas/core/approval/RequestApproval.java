package dev.scangate.lambdas.core.approval;

import dev.scangate.lambdas.core.StepInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The RequestApproval step: one approval per run, holding the current task token, and a message
 * to approvers with a signed link. Running it again for the same run (retry, redrive, console
 * re-run) gives the existing approval the new token instead of opening a second one; if the run
 * was already decided, the recorded decision is sent to the new token so the workflow continues.
 */
public final class RequestApproval {

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]{1,80}");
    /** The longest Step Functions itself allows a task to wait. */
    private static final long MAX_EXPIRY_SECONDS = 366L * 24 * 3600;
    /** SendTaskSuccess output limit. */
    static final int MAX_TASK_OUTPUT_BYTES = 262_144;

    private final ApprovalStore store;
    private final RunReportSource reports;
    private final ApprovalNotifier notifier;
    private final TaskCallback callback;
    private final LinkSigner signer;
    private final NotificationComposer composer;
    private final List<String> approvers;
    private final Clock clock;

    public RequestApproval(
            ApprovalStore store,
            RunReportSource reports,
            ApprovalNotifier notifier,
            TaskCallback callback,
            LinkSigner signer,
            NotificationComposer composer,
            List<String> approvers,
            Clock clock) {
        this.store = store;
        this.reports = reports;
        this.notifier = notifier;
        this.callback = callback;
        this.signer = signer;
        this.composer = composer;
        this.approvers = List.copyOf(approvers);
        this.clock = clock;
    }

    public Outcome request(ApprovalRequest request) {
        validate(request);
        List<ApprovalObject> objects = reports.objectsForReview(request.reportKey());
        if (objects.isEmpty()) {
            throw new StepInputException("reportKey", "the report " + request.reportKey()
                    + " holds no FLAGGED or UNSCANNED object, so there is nothing to approve");
        }
        requireDecisionFits(objects);
        Instant now = clock.instant();
        ApprovalRecord candidate = new ApprovalRecord(
                ApprovalIds.newId(),
                request.runId(),
                request.reportKey(),
                request.taskToken(),
                ApprovalStatus.PENDING,
                request.counts(),
                objects,
                approvers,
                now,
                now.plusSeconds(request.expiresInSeconds()),
                null,
                null);
        ApprovalRecord stored = store.createOrRefresh(candidate);
        boolean reused = !stored.approvalId().equals(candidate.approvalId());
        if (stored.status() == ApprovalStatus.DECIDED && stored.decision() != null) {
            callback.succeed(stored.taskToken(), DecisionOutput.json(stored.approvalId(), stored.decision()));
            return new Outcome(stored.approvalId(), stored.status(), reused, false, null);
        }
        ApprovalLink link = signer.link(stored.approvalId(), stored.expiresAt());
        notifier.notify(composer.compose(stored, link));
        return new Outcome(stored.approvalId(), stored.status(), reused, true, link);
    }

    /**
     * The decision travels back as the task's output, which Step Functions caps at 256 KiB. Fail
     * now, clearly and closed (objects stay in manual review), rather than open an approval nobody
     * could ever submit.
     */
    private static void requireDecisionFits(List<ApprovalObject> objects) {
        java.util.Map<String, DecisionAction> all = new java.util.LinkedHashMap<>();
        objects.forEach(o -> all.put(o.key(), DecisionAction.APPROVE));
        String largest = DecisionOutput.json(ApprovalIds.newId(),
                new Decision(all, "a".repeat(320), Instant.EPOCH.plusSeconds(4_102_444_800L)));
        int bytes = largest.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > MAX_TASK_OUTPUT_BYTES) {
            throw new StepInputException("reportKey", objects.size() + " held objects are more than one decision can "
                    + "carry back to Step Functions (" + bytes + " bytes, limit " + MAX_TASK_OUTPUT_BYTES
                    + "); they stay in manual review. Lower MAX_OBJECTS_PER_RUN so each run holds fewer.");
        }
    }

    private static void validate(ApprovalRequest r) {
        if (r.runId() == null || !RUN_ID.matcher(r.runId()).matches()) {
            throw new StepInputException("runId", "must match [A-Za-z0-9._-]{1,80}");
        }
        if (r.reportKey() == null || r.reportKey().isBlank()) {
            throw new StepInputException("reportKey", "is required");
        }
        if (r.taskToken() == null || r.taskToken().isBlank()) {
            throw new StepInputException("taskToken", "is required (call this step with .waitForTaskToken)");
        }
        if (r.expiresInSeconds() <= 0 || r.expiresInSeconds() > MAX_EXPIRY_SECONDS) {
            throw new StepInputException("expiresInSeconds", "must be between 1 and " + MAX_EXPIRY_SECONDS);
        }
    }

    /**
     * What the step did. {@code reusedExisting}: the run already had this approval.
     * {@code link} is null when nothing was sent (the run was already decided).
     */
    public record Outcome(String approvalId, ApprovalStatus status, boolean reusedExisting, boolean notified,
                          ApprovalLink link) {
    }
}
