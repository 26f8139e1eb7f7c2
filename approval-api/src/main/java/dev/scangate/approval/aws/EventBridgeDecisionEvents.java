package dev.scangate.approval.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.approval.core.DecisionEvents;
import dev.scangate.lambdas.core.approval.ApprovalRecord;
import dev.scangate.lambdas.core.approval.Decision;
import dev.scangate.lambdas.core.approval.DecisionAction;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** Publishes {@code ScanGate Approval Decided} (source {@code scangate}) on the run-event bus. */
public final class EventBridgeDecisionEvents implements DecisionEvents {

    public static final String SOURCE = "scangate";
    public static final String DETAIL_TYPE = "ScanGate Approval Decided";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventBridgeClient eventBridge;
    private final String busName;
    private final String scanStageBucket;

    private EventBridgeDecisionEvents(EventBridgeClient eventBridge, String busName, String scanStageBucket) {
        this.eventBridge = eventBridge;
        this.busName = busName;
        this.scanStageBucket = scanStageBucket;
    }

    /** {@code scanStageBucket} may be null: the event then has {@code reportLocation: null}. */
    public static EventBridgeDecisionEvents create(EventBridgeClient eventBridge, String busName, String scanStageBucket) {
        return new EventBridgeDecisionEvents(eventBridge, busName, scanStageBucket);
    }

    @Override
    public void decided(ApprovalRecord record) {
        Decision decision = record.decision();
        ObjectNode detail = JSON.createObjectNode();
        detail.put("runId", record.runId());
        detail.put("outcome", "DECIDED");
        detail.put("approvalId", record.approvalId());
        detail.put("approver", decision.approver());
        detail.put("decidedAt", decision.decidedAt().toString());
        detail.putObject("counts")
                .put("approved", decision.count(DecisionAction.APPROVE))
                .put("denied", decision.count(DecisionAction.DENY));
        if (scanStageBucket != null && record.reportKey() != null) {
            detail.put("reportLocation", "s3://" + scanStageBucket + "/" + record.reportKey());
        } else {
            detail.putNull("reportLocation");
        }
        try {
            var response = eventBridge.putEvents(b -> b.entries(e -> e
                    .eventBusName(busName)
                    .source(SOURCE)
                    .detailType(DETAIL_TYPE)
                    .detail(detail.toString())));
            if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
                throw new IllegalStateException("EventBridge refused the event: "
                        + response.entries().get(0).errorCode());
            }
        } catch (SdkException e) {
            throw new IllegalStateException("could not publish " + DETAIL_TYPE + ": " + e.getMessage(), e);
        }
    }
}
