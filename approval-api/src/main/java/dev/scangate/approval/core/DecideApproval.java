package dev.scangate.approval.core;

import dev.scangate.lambdas.core.approval.ApprovalNotFoundException;
import dev.scangate.lambdas.core.approval.ApprovalObject;
import dev.scangate.lambdas.core.approval.ApprovalRecord;
import dev.scangate.lambdas.core.approval.ApprovalStatus;
import dev.scangate.lambdas.core.approval.ApprovalStore;
import dev.scangate.lambdas.core.approval.Decision;
import dev.scangate.lambdas.core.approval.DecisionAction;
import dev.scangate.lambdas.core.approval.DecisionOutput;
import dev.scangate.lambdas.core.approval.TaskCallback;
import dev.scangate.lambdas.core.approval.TaskCallbackException;
import dev.scangate.lambdas.core.approval.TaskNoLongerWaitingException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a person's decision once (conditional write PENDING → DECIDED), then resumes the
 * workflow with it. If Step Functions no longer waits, the approval becomes EXPIRED; if it could
 * not be reached, the decision is undone so the approver can submit again.
 */
public final class DecideApproval {

    private static final Logger LOG = LoggerFactory.getLogger(DecideApproval.class);

    private final ApprovalStore store;
    private final TaskCallback callback;
    private final DecisionEvents events;
    private final Clock clock;

    public DecideApproval(ApprovalStore store, TaskCallback callback, DecisionEvents events, Clock clock) {
        this.store = store;
        this.callback = callback;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @return the record after the decision: DECIDED, or EXPIRED when the workflow had stopped waiting
     * @throws InvalidDecisionException unknown or missing keys
     * @throws ApproverNotAllowedException approver not on the approval's list
     * @throws dev.scangate.lambdas.core.approval.ApprovalConflictException already decided or expired
     * @throws ApprovalNotFoundException no such approval
     * @throws DecisionNotDeliveredException Step Functions unreachable; nothing changed
     */
    public ApprovalRecord decide(String approvalId, Map<String, DecisionAction> decisions, String approver) {
        ApprovalRecord record = store.find(approvalId).orElseThrow(() -> new ApprovalNotFoundException(approvalId));
        String who = approver.trim().toLowerCase(Locale.ROOT);
        if (!record.approvers().isEmpty() && !record.approvers().contains(who)) {
            throw new ApproverNotAllowedException(who);
        }
        Decision decision = new Decision(inObjectOrder(record, decisions), who, clock.instant());
        ApprovalRecord decided = store.decide(approvalId, decision, clock.instant());
        try {
            callback.succeed(decided.taskToken(), DecisionOutput.json(approvalId, decision));
        } catch (TaskNoLongerWaitingException e) {
            store.markExpired(approvalId, e.errorCode());
            return store.find(approvalId).orElse(decided);
        } catch (TaskCallbackException e) {
            store.revertDecision(approvalId, decision);
            throw new DecisionNotDeliveredException(
                    "the decision could not be delivered to the workflow; nothing was decided, please try again", e);
        }
        try {
            events.decided(decided);
        } catch (RuntimeException e) {
            LOG.warn("decision on approval {} stands but its event was not published: {}", approvalId, e.toString());
        }
        return decided;
    }

    private static Map<String, DecisionAction> inObjectOrder(ApprovalRecord record, Map<String, DecisionAction> decisions) {
        if (record.status() != ApprovalStatus.PENDING) {
            // Let the conditional write report the conflict, whatever was submitted.
            return decisions;
        }
        List<String> unknown = decisions.keySet().stream()
                .filter(k -> record.object(k).isEmpty())
                .collect(Collectors.toCollection(ArrayList::new));
        if (!unknown.isEmpty()) {
            throw new InvalidDecisionException("not objects of this approval: " + preview(unknown));
        }
        Map<String, DecisionAction> ordered = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (ApprovalObject o : record.objects()) {
            DecisionAction action = decisions.get(o.key());
            if (action == null) {
                missing.add(o.key());
            } else {
                ordered.put(o.key(), action);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidDecisionException("decide every object; no decision for: " + preview(missing));
        }
        return ordered;
    }

    private static String preview(List<String> keys) {
        String shown = keys.stream().limit(5).collect(Collectors.joining(", "));
        return keys.size() > 5 ? shown + " and " + (keys.size() - 5) + " more" : shown;
    }
}
