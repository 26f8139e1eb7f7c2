package dev.scangate.local.sns;

import java.time.Instant;

/**
 * One message for one email subscriber, as SNS would send it.
 *
 * @param protocol {@code email} (body is the message text) or {@code email-json} (body is the SNS
 *     notification JSON)
 * @param to the subscription endpoint, an email address
 * @param subject the Publish subject, or SNS's default {@code AWS Notification Message}
 */
public record EmailNotification(
        String messageId,
        String topicArn,
        String subscriptionArn,
        String protocol,
        String to,
        String subject,
        String body,
        Instant timestamp) { }
