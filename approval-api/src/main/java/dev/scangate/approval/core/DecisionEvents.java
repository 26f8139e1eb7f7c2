package dev.scangate.approval.core;

import dev.scangate.lambdas.core.approval.ApprovalRecord;

/** Announces recorded decisions to downstream systems (EventBridge in AWS and locally). */
public interface DecisionEvents {

    /** Best effort: the decision already stands when this is called. */
    void decided(ApprovalRecord decided);
}
