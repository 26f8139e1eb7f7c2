package dev.scangate.local.sns;

/**
 * Where the local SNS sends messages for {@code email} and {@code email-json} subscriptions. The
 * outbox implements it (MIME files under the data directory, optional SMTP). Implementations may
 * throw; SNS has already accepted the message by then, so the failure is logged, not returned.
 */
@FunctionalInterface
public interface EmailDelivery {

    void deliver(EmailNotification notification);
}
