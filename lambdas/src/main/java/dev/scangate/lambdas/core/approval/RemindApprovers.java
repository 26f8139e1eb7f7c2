package dev.scangate.lambdas.core.approval;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled approval reminder: every PENDING approval that expires within the window (and
 * has not expired yet) gets ONE reminder to the approvers, with the same kind of signed review
 * link as the original request (approval id and expiry, never the task token).
 *
 * <p>Exactly-once per approval and expiry comes from the store: the reminder is claimed with a
 * conditional write ({@link ApprovalStore#markReminded}) before it is sent, so two concurrent or
 * retried invocations never both send. When sending fails the claim is given back
 * ({@link ApprovalStore#clearReminded}) and the next run tries again. A crash between claim and
 * send loses that one reminder (at most once, never twice); the nearing-expiry count, and the
 * alarm on it, do not depend on the reminder having gone out.
 */
public final class RemindApprovers {

    /** Default window before expiry in which approvers are reminded: one day. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(1);

    private static final Logger LOG = LoggerFactory.getLogger(RemindApprovers.class);

    private final ApprovalStore store;
    private final ApprovalNotifier notifier;
    private final LinkSigner signer;
    private final NotificationComposer composer;
    private final Duration window;
    private final Clock clock;

    public RemindApprovers(ApprovalStore store, ApprovalNotifier notifier, LinkSigner signer,
                           NotificationComposer composer, Duration window, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.composer = Objects.requireNonNull(composer, "composer");
        this.window = Objects.requireNonNull(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the reminder window must be positive, got " + window);
        }
    }

    /**
     * One pass over the pending approvals. A message that cannot be sent does not stop the others;
     * it is counted in {@link Result#failed()} and retried by a later pass.
     *
     * @throws ApprovalStoreException when the store cannot be read (nothing is sent then)
     */
    public Result remind() {
        Instant now = clock.instant();
        Instant cutoff = now.plus(window);
        List<ApprovalRecord> candidates = store.pendingExpiringBefore(cutoff);
        int nearing = 0;
        int reminded = 0;
        int failed = 0;
        for (ApprovalRecord record : candidates) {
            if (record.status() != ApprovalStatus.PENDING || record.isExpiredAt(now) || record.expiresAt().isAfter(cutoff)) {
                continue;
            }
            nearing++;
            if (!store.markReminded(record.approvalId(), record.expiresAt(), now)) {
                continue;
            }
            try {
                ApprovalLink link = signer.link(record.approvalId(), record.expiresAt());
                notifier.notify(composer.composeReminder(record, link));
                reminded++;
                LOG.info("reminded approvers of approval {} (run {}), expiring {}", record.approvalId(), record.runId(),
                        record.expiresAt());
            } catch (RuntimeException e) {
                failed++;
                LOG.warn("could not remind approvers of approval {} (run {}); a later run tries again: {}",
                        record.approvalId(), record.runId(), e.toString());
                giveBack(record, now);
            }
        }
        return new Result(nearing, reminded, failed);
    }

    private void giveBack(ApprovalRecord record, Instant claimedAt) {
        try {
            store.clearReminded(record.approvalId(), claimedAt);
        } catch (RuntimeException e) {
            // The claim stays: this one reminder is lost, never sent twice. The metric still counts it.
            LOG.error("could not give back the reminder claim of approval {}; it will not be reminded: {}",
                    record.approvalId(), e.toString());
        }
    }

    /**
     * {@code nearingExpiry}: PENDING approvals expiring within the window, reminded or not (the
     * metric). {@code reminded}: reminders sent by this pass. {@code failed}: reminders claimed
     * but not sent (given back for the next pass).
     */
    public record Result(int nearingExpiry, int reminded, int failed) {
    }
}
