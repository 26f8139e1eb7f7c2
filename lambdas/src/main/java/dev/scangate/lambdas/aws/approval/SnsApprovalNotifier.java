package dev.scangate.lambdas.aws.approval;

import dev.scangate.lambdas.core.RetryableStepException;
import dev.scangate.lambdas.core.approval.ApprovalNotifier;
import dev.scangate.lambdas.core.approval.Notification;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;

/** Publishes approver messages to the approval topic; email subscribers get subject and body. */
public final class SnsApprovalNotifier implements ApprovalNotifier {

    private final SnsClient sns;
    private final String topicArn;

    private SnsApprovalNotifier(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    public static SnsApprovalNotifier create(SnsClient sns, String topicArn) {
        return new SnsApprovalNotifier(sns, topicArn);
    }

    @Override
    public void notify(Notification notification) {
        try {
            sns.publish(b -> b.topicArn(topicArn).subject(notification.subject()).message(notification.body()));
        } catch (SdkException e) {
            // The approval is stored; a retry of the step refreshes it and sends the message again.
            throw new RetryableStepException("could not notify approvers on " + topicArn + ": " + e.getMessage(), e);
        }
    }
}
