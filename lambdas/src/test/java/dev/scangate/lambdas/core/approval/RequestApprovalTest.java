package dev.scangate.lambdas.core.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scangate.lambdas.core.StepInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestApprovalTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private final InMemoryStore store = new InMemoryStore();
    private final List<Notification> sent = new ArrayList<>();
    private final List<String[]> callbacks = new ArrayList<>();
    private List<ApprovalObject> held = List.of(
            new ApprovalObject("a.csv", 10, "FLAGGED", "Medium", List.of("SensitiveData:S3Object/Financial"),
                    List.of(new Detection("CREDIT_CARD_NUMBER", 3, List.of("line 4")))),
            new ApprovalObject("b.csv", 10, "FLAGGED", "High", List.of("SensitiveData:S3Object/Personal"),
                    List.of(new Detection("EMAIL_ADDRESS", 1, List.of()))),
            new ApprovalObject("c.bin", 10, "UNSCANNED", null, List.of(), List.of()));
    private final RequestApproval step = new RequestApproval(store, key -> held, sent::add,
            (token, output) -> callbacks.add(new String[] {token, output}),
            LinkSigner.create("0123456789abcdef0123456789abcdef-key"), new NotificationComposer("https://x.example"),
            List.of("ann@example.com"), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void request_whenNewRun_storesPendingApprovalAndNotifiesWithSignedLink() {
        RequestApproval.Outcome outcome = step.request(request("run-1", "token-1"));

        ApprovalRecord stored = store.records.get(outcome.approvalId());
        assertThat(stored.status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(stored.taskToken()).isEqualTo("token-1");
        assertThat(stored.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(stored.approvers()).containsExactly("ann@example.com");
        assertThat(outcome.approvalId()).hasSize(43);
        Notification n = sent.get(0);
        assertThat(n.subject()).isEqualTo("ScanGate: 3 objects held for review (High) - run run-1");
        assertThat(n.body()).contains("https://x.example/approvals/" + outcome.approvalId() + "?exp=")
                .contains("2 with sensitive data (worst severity: High)")
                .contains("1 that could not be scanned")
                .contains("CREDIT_CARD_NUMBER (3)")
                .contains("Mon 23 Nov 2026 13:00 UTC")
                .doesNotContain("token-1");
    }

    @Test
    void request_whenSameRunAgain_reusesApprovalWithNewToken() {
        String first = step.request(request("run-1", "token-1")).approvalId();

        RequestApproval.Outcome again = step.request(request("run-1", "token-2"));

        assertThat(again.approvalId()).isEqualTo(first);
        assertThat(again.reusedExisting()).isTrue();
        assertThat(store.records).hasSize(1);
        assertThat(store.records.get(first).taskToken()).isEqualTo("token-2");
        assertThat(sent).hasSize(2);
    }

    @Test
    void request_whenRunAlreadyDecided_sendsRecordedDecisionToNewToken() {
        String id = step.request(request("run-1", "token-1")).approvalId();
        store.decide(id, new Decision(Map.of("a.csv", DecisionAction.APPROVE), "ann@example.com", NOW), NOW);

        RequestApproval.Outcome again = step.request(request("run-1", "token-2"));

        assertThat(again.notified()).isFalse();
        assertThat(callbacks).hasSize(1);
        assertThat(callbacks.get(0)[0]).isEqualTo("token-2");
        assertThat(callbacks.get(0)[1]).contains("\"approvalId\":\"" + id + "\"").contains("\"a.csv\":\"APPROVE\"");
    }

    @Test
    void request_whenInputInvalid_namesTheField() {
        assertThatThrownBy(() -> step.request(request("bad id!", "t")))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("runId");
        assertThatThrownBy(() -> step.request(request("run-1", " ")))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("taskToken");
        assertThatThrownBy(() -> step.request(new ApprovalRequest("run-1", "k", RunCounts.empty(), "t", 0)))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("expiresInSeconds");
        assertThat(store.records).isEmpty();
    }

    @Test
    void request_whenReportHoldsNothingToReview_failsClearly() {
        held = List.of();

        assertThatThrownBy(() -> step.request(request("run-1", "t")))
                .isInstanceOf(StepInputException.class).hasMessageContaining("nothing to approve");
        assertThat(sent).isEmpty();
    }

    @Test
    void request_whenDecisionWouldExceedTaskOutputLimit_failsBeforeOpeningApproval() {
        List<ApprovalObject> many = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            many.add(new ApprovalObject("some/rather/long/prefix/for/a/partition/day=2026-11-23/object-" + i + ".csv",
                    1, "FLAGGED", "High", List.of(), List.of()));
        }
        held = many;

        assertThatThrownBy(() -> step.request(request("run-big", "t")))
                .isInstanceOf(StepInputException.class)
                .hasMessageContaining("4000 held objects").hasMessageContaining("limit 262144");
        assertThat(store.records).isEmpty();
        assertThat(sent).isEmpty();
    }

    @Test
    void toString_neverShowsTheToken() {
        assertThat(request("run-1", "secret-token").toString()).doesNotContain("secret-token");
        String id = step.request(request("run-1", "secret-token")).approvalId();
        assertThat(store.records.get(id).toString()).doesNotContain("secret-token");
    }

    private static ApprovalRequest request(String runId, String token) {
        return new ApprovalRequest(runId, "reports/" + runId + ".json", new RunCounts(4, 1, 2, 1), token, 3600);
    }

    /** Enough of the store's contract for the use case: one approval per run. */
    private static final class InMemoryStore implements ApprovalStore {
        final Map<String, ApprovalRecord> records = new HashMap<>();

        @Override
        public ApprovalRecord createOrRefresh(ApprovalRecord c) {
            for (ApprovalRecord r : records.values()) {
                if (r.runId().equals(c.runId())) {
                    ApprovalStatus status = r.status() == ApprovalStatus.DECIDED ? r.status() : ApprovalStatus.PENDING;
                    ApprovalRecord refreshed = new ApprovalRecord(r.approvalId(), r.runId(), r.reportKey(), c.taskToken(),
                            status, r.counts(), r.objects(), r.approvers(), r.createdAt(), c.expiresAt(), r.decision(), null);
                    records.put(r.approvalId(), refreshed);
                    return refreshed;
                }
            }
            records.put(c.approvalId(), c);
            return c;
        }

        @Override
        public Optional<ApprovalRecord> find(String approvalId) {
            return Optional.ofNullable(records.get(approvalId));
        }

        @Override
        public ApprovalRecord decide(String approvalId, Decision decision, Instant now) {
            ApprovalRecord r = records.get(approvalId);
            ApprovalRecord decided = new ApprovalRecord(r.approvalId(), r.runId(), r.reportKey(), r.taskToken(),
                    ApprovalStatus.DECIDED, r.counts(), r.objects(), r.approvers(), r.createdAt(), r.expiresAt(), decision, null);
            records.put(approvalId, decided);
            return decided;
        }

        @Override
        public void revertDecision(String approvalId, Decision decision) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void markExpired(String approvalId, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ApprovalRecord> pendingExpiringBefore(Instant cutoff) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean markReminded(String approvalId, Instant expiresAt, Instant remindedAt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void clearReminded(String approvalId, Instant remindedAt) {
            throw new UnsupportedOperationException();
        }
    }
}
