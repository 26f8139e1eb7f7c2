package dev.scangate.lambdas.core.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemindApproversTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(1);
    private static final LinkSigner SIGNER = LinkSigner.create("0123456789abcdef0123456789abcdef-key");

    private final InMemoryStore store = new InMemoryStore();
    private final List<Notification> sent = new ArrayList<>();
    private ApprovalNotifier notifier = sent::add;

    @Test
    void remind_whenApprovalExpiresWithinWindow_sendsOneReminderWithSignedLinkAndNoToken() {
        ApprovalRecord soon = store.add(pending("run-soon", NOW.plus(Duration.ofHours(5))));

        RemindApprovers.Result result = remindAt(NOW).remind();

        assertThat(result).isEqualTo(new RemindApprovers.Result(1, 1, 0));
        assertThat(sent).singleElement().satisfies(n -> {
            assertThat(n.subject()).startsWith("ScanGate reminder:").contains("expires Mon 23 Nov 2026 17:00 UTC")
                    .contains("run run-soon");
            String link = SIGNER.link(soon.approvalId(), soon.expiresAt()).reviewUrl("https://x.example");
            assertThat(n.body()).contains(link).contains("Reminder: nobody has decided yet")
                    .doesNotContain(soon.taskToken());
        });
        assertThat(store.remindedFor).containsEntry(soon.approvalId(), soon.expiresAt());
    }

    @Test
    void remind_whenRunAgain_doesNotRemindTwiceButStillCountsTheApproval() {
        store.add(pending("run-soon", NOW.plus(Duration.ofHours(5))));
        remindAt(NOW).remind();

        RemindApprovers.Result again = remindAt(NOW.plus(Duration.ofHours(1))).remind();

        assertThat(again).isEqualTo(new RemindApprovers.Result(1, 0, 0));
        assertThat(sent).hasSize(1);
    }

    @Test
    void remind_whenApprovalFarFromExpiry_sendsNothingAndCountsNothing() {
        store.add(pending("run-far", NOW.plus(Duration.ofDays(4))));
        store.add(pending("run-edge", NOW.plus(WINDOW).plusSeconds(1)));

        RemindApprovers.Result result = remindAt(NOW).remind();

        assertThat(result).isEqualTo(new RemindApprovers.Result(0, 0, 0));
        assertThat(sent).isEmpty();
    }

    @Test
    void remind_whenDecidedOrExpired_sendsNothing() {
        ApprovalRecord decided = pending("run-decided", NOW.plus(Duration.ofHours(2)));
        store.add(withStatus(decided, ApprovalStatus.DECIDED));
        store.add(withStatus(pending("run-expired", NOW.plus(Duration.ofHours(2))), ApprovalStatus.EXPIRED));
        store.add(pending("run-past", NOW.minusSeconds(1)));
        store.add(pending("run-now", NOW));

        RemindApprovers.Result result = remindAt(NOW).remind();

        assertThat(result).isEqualTo(new RemindApprovers.Result(0, 0, 0));
        assertThat(sent).isEmpty();
        assertThat(store.remindedFor).isEmpty();
    }

    @Test
    void remind_whenSeveralNearExpiry_remindsEachOnce() {
        store.add(pending("run-a", NOW.plus(Duration.ofHours(1))));
        store.add(pending("run-b", NOW.plus(Duration.ofHours(23))));
        store.add(pending("run-c", NOW.plus(Duration.ofDays(3))));

        RemindApprovers.Result result = remindAt(NOW).remind();

        assertThat(result).isEqualTo(new RemindApprovers.Result(2, 2, 0));
        assertThat(sent).extracting(Notification::subject).anySatisfy(s -> assertThat(s).endsWith("run run-a"))
                .anySatisfy(s -> assertThat(s).endsWith("run run-b"));
    }

    @Test
    void remind_whenSendingFails_givesTheClaimBackSoTheNextRunSends() {
        store.add(pending("run-soon", NOW.plus(Duration.ofHours(5))));
        notifier = n -> {
            throw new IllegalStateException("topic unavailable");
        };

        RemindApprovers.Result failed = remindAt(NOW).remind();
        notifier = sent::add;
        RemindApprovers.Result retried = remindAt(NOW.plus(Duration.ofHours(1))).remind();

        assertThat(failed).isEqualTo(new RemindApprovers.Result(1, 0, 1));
        assertThat(retried).isEqualTo(new RemindApprovers.Result(1, 1, 0));
        assertThat(sent).hasSize(1);
    }

    @Test
    void remind_whenApprovalRefreshedToANewExpiry_remindsForTheNewExpiry() {
        ApprovalRecord first = store.add(pending("run-redriven", NOW.plus(Duration.ofHours(5))));
        remindAt(NOW).remind();
        store.add(withExpiry(first, NOW.plus(Duration.ofHours(20))));

        RemindApprovers.Result result = remindAt(NOW.plus(Duration.ofHours(1))).remind();

        assertThat(result.reminded()).isEqualTo(1);
        assertThat(sent).hasSize(2);
    }

    @Test
    void create_whenWindowNotPositive_refuses() {
        assertThatThrownBy(() -> new RemindApprovers(store, notifier, SIGNER, new NotificationComposer("https://x.example"),
                Duration.ZERO, Clock.fixed(NOW, ZoneOffset.UTC)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
    }

    @Test
    void composeReminder_whenRunIdIsLong_keepsSubjectWithinTheEmailLimit() {
        ApprovalRecord record = pending("r".repeat(80), NOW.plus(Duration.ofHours(5)));

        Notification n = new NotificationComposer("https://x.example")
                .composeReminder(record, SIGNER.link(record.approvalId(), record.expiresAt()));

        assertThat(n.subject()).hasSizeLessThanOrEqualTo(NotificationComposer.MAX_SUBJECT)
                .startsWith("ScanGate reminder: review expires Mon 23 Nov 2026 17:00 UTC").endsWith("...");
    }

    private RemindApprovers remindAt(Instant now) {
        // the notifier is read at send time, so a test can make it fail and recover between runs
        ApprovalNotifier current = n -> notifier.notify(n);
        return new RemindApprovers(store, current, SIGNER, new NotificationComposer("https://x.example"), WINDOW,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static ApprovalRecord pending(String runId, Instant expiresAt) {
        return new ApprovalRecord(ApprovalIds.newId(), runId, "reports/" + runId + ".json", "secret-token-" + runId,
                ApprovalStatus.PENDING, new RunCounts(2, 0, 1, 1),
                List.of(new ApprovalObject("a.csv", 10, "FLAGGED", "High", List.of(),
                                List.of(new Detection("EMAIL_ADDRESS", 2, List.of("line 2")))),
                        new ApprovalObject("b.bin", 10, "UNSCANNED", null, List.of(), List.of())),
                List.of("ann@example.com"), NOW.minus(Duration.ofDays(4)), expiresAt, null, null);
    }

    private static ApprovalRecord withStatus(ApprovalRecord r, ApprovalStatus status) {
        return new ApprovalRecord(r.approvalId(), r.runId(), r.reportKey(), r.taskToken(), status, r.counts(), r.objects(),
                r.approvers(), r.createdAt(), r.expiresAt(), r.decision(), r.statusReason());
    }

    private static ApprovalRecord withExpiry(ApprovalRecord r, Instant expiresAt) {
        return new ApprovalRecord(r.approvalId(), r.runId(), r.reportKey(), r.taskToken(), r.status(), r.counts(),
                r.objects(), r.approvers(), r.createdAt(), expiresAt, r.decision(), r.statusReason());
    }

    /** The reminder part of the store contract, with the same conditions as the DynamoDB adapter. */
    private static final class InMemoryStore implements ApprovalStore {
        final Map<String, ApprovalRecord> records = new LinkedHashMap<>();
        final Map<String, Instant> remindedFor = new LinkedHashMap<>();
        final Map<String, Instant> remindedAt = new LinkedHashMap<>();

        ApprovalRecord add(ApprovalRecord record) {
            records.put(record.approvalId(), record);
            return record;
        }

        @Override
        public List<ApprovalRecord> pendingExpiringBefore(Instant cutoff) {
            return records.values().stream()
                    .filter(r -> r.status() == ApprovalStatus.PENDING && r.expiresAt().isBefore(cutoff))
                    .toList();
        }

        @Override
        public synchronized boolean markReminded(String approvalId, Instant expiresAt, Instant at) {
            ApprovalRecord r = records.get(approvalId);
            if (r == null || r.status() != ApprovalStatus.PENDING || !r.expiresAt().equals(expiresAt)
                    || expiresAt.equals(remindedFor.get(approvalId))) {
                return false;
            }
            remindedFor.put(approvalId, expiresAt);
            remindedAt.put(approvalId, at);
            return true;
        }

        @Override
        public synchronized void clearReminded(String approvalId, Instant at) {
            if (at.equals(remindedAt.get(approvalId))) {
                remindedFor.remove(approvalId);
                remindedAt.remove(approvalId);
            }
        }

        @Override
        public ApprovalRecord createOrRefresh(ApprovalRecord candidate) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ApprovalRecord> find(String approvalId) {
            return Optional.ofNullable(records.get(approvalId));
        }

        @Override
        public ApprovalRecord decide(String approvalId, Decision decision, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void revertDecision(String approvalId, Decision decision) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void markExpired(String approvalId, String reason) {
            throw new UnsupportedOperationException();
        }
    }
}
