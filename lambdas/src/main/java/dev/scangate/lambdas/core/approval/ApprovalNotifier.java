package dev.scangate.lambdas.core.approval;

/** Tells approvers (an SNS topic with email subscriptions in AWS, the outbox locally). */
public interface ApprovalNotifier {

    void notify(Notification notification);
}
