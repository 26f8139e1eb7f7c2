package dev.scangate.lambdas.aws.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scangate.lambdas.aws.AwsClientFactory;
import dev.scangate.lambdas.core.approval.ApprovalConflictException;
import dev.scangate.lambdas.core.approval.ApprovalIds;
import dev.scangate.lambdas.core.approval.ApprovalNotFoundException;
import dev.scangate.lambdas.core.approval.ApprovalObject;
import dev.scangate.lambdas.core.approval.ApprovalRecord;
import dev.scangate.lambdas.core.approval.ApprovalStatus;
import dev.scangate.lambdas.core.approval.Decision;
import dev.scangate.lambdas.core.approval.DecisionAction;
import dev.scangate.lambdas.core.approval.Detection;
import dev.scangate.lambdas.core.approval.RunCounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoDbApprovalStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static DynamoDbLocalServer server;
    private static DynamoDbClient dynamoDb;
    private static DynamoDbApprovalStore store;

    @BeforeAll
    static void startDynamoDb() {
        server = DynamoDbLocalServer.start();
        dynamoDb = AwsClientFactory.forEndpoint(server.endpoint()).dynamoDb();
        DynamoDbApprovalStore.createTable(dynamoDb, "approvals");
        DynamoDbApprovalStore.createTable(dynamoDb, "approvals");
        store = DynamoDbApprovalStore.create(dynamoDb, "approvals");
    }

    @AfterAll
    static void stopDynamoDb() {
        dynamoDb.close();
        server.close();
    }

    @Test
    void createOrRefresh_whenRunIsNew_storesRecordThatReadsBackEqual() {
        ApprovalRecord candidate = pending("run-new", "token-1");

        ApprovalRecord stored = store.createOrRefresh(candidate);

        assertThat(stored).usingRecursiveComparison().isEqualTo(candidate);
        assertThat(store.find(candidate.approvalId())).get().usingRecursiveComparison().isEqualTo(candidate);
    }

    @Test
    void createOrRefresh_whenRunHasApproval_keepsIdAndReplacesToken() {
        ApprovalRecord first = store.createOrRefresh(pending("run-again", "token-1"));

        ApprovalRecord second = store.createOrRefresh(pending("run-again", "token-2"));

        assertThat(second.approvalId()).isEqualTo(first.approvalId());
        assertThat(second.taskToken()).isEqualTo("token-2");
        assertThat(store.find(first.approvalId())).get().extracting(ApprovalRecord::taskToken).isEqualTo("token-2");
    }

    @Test
    void createOrRefresh_whenRunDecided_keepsDecisionAndTakesNewToken() {
        ApprovalRecord first = store.createOrRefresh(pending("run-decided", "token-1"));
        store.decide(first.approvalId(), decision("a.csv", DecisionAction.APPROVE), NOW);

        ApprovalRecord again = store.createOrRefresh(pending("run-decided", "token-2"));

        assertThat(again.status()).isEqualTo(ApprovalStatus.DECIDED);
        assertThat(again.decision().decisions()).containsEntry("a.csv", DecisionAction.APPROVE);
        assertThat(again.taskToken()).isEqualTo("token-2");
    }

    @Test
    void createOrRefresh_whenRunExpired_reopensSameApproval() {
        ApprovalRecord first = store.createOrRefresh(pending("run-expired", "token-1"));
        store.markExpired(first.approvalId(), "TaskTimedOut");

        ApprovalRecord again = store.createOrRefresh(pending("run-expired", "token-2"));

        assertThat(again.approvalId()).isEqualTo(first.approvalId());
        assertThat(again.status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(again.statusReason()).isNull();
    }

    @Test
    void decide_whenPending_recordsDecisionOnce() {
        ApprovalRecord r = store.createOrRefresh(pending("run-decide", "t"));

        ApprovalRecord decided = store.decide(r.approvalId(), decision("a.csv", DecisionAction.DENY), NOW);

        assertThat(decided.status()).isEqualTo(ApprovalStatus.DECIDED);
        assertThat(decided.decision().approver()).isEqualTo("ann@example.com");
        assertThatThrownBy(() -> store.decide(r.approvalId(), decision("a.csv", DecisionAction.APPROVE), NOW))
                .isInstanceOf(ApprovalConflictException.class)
                .hasMessageContaining("already decided");
        assertThat(store.find(r.approvalId()).orElseThrow().decision().decisions())
                .containsEntry("a.csv", DecisionAction.DENY);
    }

    @Test
    void decide_whenSubmittedConcurrently_exactlyOneWins() throws Exception {
        ApprovalRecord r = store.createOrRefresh(pending("run-race", "t"));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Boolean>> attempts = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String approver = "user" + i + "@example.com";
                attempts.add(pool.submit(() -> {
                    try {
                        store.decide(r.approvalId(), new Decision(Map.of("a.csv", DecisionAction.APPROVE), approver, NOW), NOW);
                        return true;
                    } catch (ApprovalConflictException e) {
                        return false;
                    }
                }));
            }
            long winners = 0;
            for (var attempt : attempts) {
                winners += attempt.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void createOrRefresh_whenSameRunConcurrently_leavesOneApproval() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<ApprovalRecord>> attempts = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String token = "token-" + i;
                attempts.add(pool.submit(() -> store.createOrRefresh(pending("run-concurrent", token))));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (var attempt : attempts) {
                ids.add(attempt.get().approvalId());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void decide_whenPastExpiry_refusesAndStaysPending() {
        ApprovalRecord r = store.createOrRefresh(pending("run-late", "t"));

        assertThatThrownBy(() -> store.decide(r.approvalId(), decision("a.csv", DecisionAction.APPROVE),
                r.expiresAt().plusSeconds(1)))
                .isInstanceOf(ApprovalConflictException.class)
                .hasMessageContaining("expired");
        assertThat(store.find(r.approvalId()).orElseThrow().status()).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void decide_whenUnknownId_throwsNotFound() {
        assertThatThrownBy(() -> store.decide(ApprovalIds.newId(), decision("a.csv", DecisionAction.APPROVE), NOW))
                .isInstanceOf(ApprovalNotFoundException.class);
    }

    @Test
    void revertDecision_whenSameDecision_makesPendingAgain() {
        ApprovalRecord r = store.createOrRefresh(pending("run-revert", "t"));
        Decision d = decision("a.csv", DecisionAction.APPROVE);
        store.decide(r.approvalId(), d, NOW);

        store.revertDecision(r.approvalId(), d);

        ApprovalRecord now = store.find(r.approvalId()).orElseThrow();
        assertThat(now.status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(now.decision()).isNull();
    }

    @Test
    void find_whenKeyIsRunPointer_returnsEmpty() {
        store.createOrRefresh(pending("run-pointer", "t"));

        assertThat(store.find("run#run-pointer")).isEmpty();
    }

    @Test
    void pendingExpiringBefore_whenScanHasManyPages_returnsEveryPendingApprovalBeforeTheCutoff() {
        DynamoDbApprovalStore paged = DynamoDbApprovalStore.withScanPageSize(dynamoDb, freshTable(), 3);
        java.util.Set<String> expected = new java.util.HashSet<>();
        for (int i = 0; i < 12; i++) {
            ApprovalRecord soon = paged.createOrRefresh(pending("run-soon-" + i, "t", NOW.plusSeconds(600 + i)));
            expected.add(soon.approvalId());
            paged.createOrRefresh(pending("run-later-" + i, "t", NOW.plusSeconds(90_000)));
        }
        ApprovalRecord decided = paged.createOrRefresh(pending("run-decided", "t", NOW.plusSeconds(600)));
        paged.decide(decided.approvalId(), decision("a.csv", DecisionAction.APPROVE), NOW);
        ApprovalRecord expired = paged.createOrRefresh(pending("run-expired", "t", NOW.plusSeconds(600)));
        paged.markExpired(expired.approvalId(), "TaskTimedOut");

        List<ApprovalRecord> due = paged.pendingExpiringBefore(NOW.plusSeconds(86_400));

        assertThat(due).extracting(ApprovalRecord::approvalId).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(due).allSatisfy(r -> assertThat(r.objects()).hasSize(2));
    }

    @Test
    void pendingExpiringBefore_whenNothingIsDue_returnsEmpty() {
        DynamoDbApprovalStore empty = DynamoDbApprovalStore.create(dynamoDb, freshTable());
        empty.createOrRefresh(pending("run-far", "t", NOW.plusSeconds(400_000)));

        assertThat(empty.pendingExpiringBefore(NOW.plusSeconds(86_400))).isEmpty();
    }

    @Test
    void markReminded_whenPendingAndNotReminded_recordsItOnceAndRecordStillReadsBack() {
        ApprovalRecord r = store.createOrRefresh(pending("run-remind", "t"));

        boolean first = store.markReminded(r.approvalId(), r.expiresAt(), NOW);
        boolean second = store.markReminded(r.approvalId(), r.expiresAt(), NOW.plusSeconds(3600));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(store.find(r.approvalId())).get().usingRecursiveComparison().isEqualTo(r);
    }

    @Test
    void markReminded_whenCalledConcurrently_exactlyOneWins() throws Exception {
        ApprovalRecord r = store.createOrRefresh(pending("run-remind-race", "t"));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Boolean>> attempts = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Instant at = NOW.plusMillis(i);
                attempts.add(pool.submit(() -> store.markReminded(r.approvalId(), r.expiresAt(), at)));
            }
            long winners = 0;
            for (var attempt : attempts) {
                winners += attempt.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void markReminded_whenDecidedExpiredOrUnknown_refuses() {
        ApprovalRecord decided = store.createOrRefresh(pending("run-remind-decided", "t"));
        store.decide(decided.approvalId(), decision("a.csv", DecisionAction.APPROVE), NOW);
        ApprovalRecord expired = store.createOrRefresh(pending("run-remind-expired", "t"));
        store.markExpired(expired.approvalId(), "TaskTimedOut");

        assertThat(store.markReminded(decided.approvalId(), decided.expiresAt(), NOW)).isFalse();
        assertThat(store.markReminded(expired.approvalId(), expired.expiresAt(), NOW)).isFalse();
        assertThat(store.markReminded(ApprovalIds.newId(), NOW.plusSeconds(60), NOW)).isFalse();
        assertThat(store.markReminded("run#run-remind-decided", decided.expiresAt(), NOW)).isFalse();
    }

    @Test
    void markReminded_whenRefreshedToANewExpiry_remindsForTheNewExpiryOnly() {
        ApprovalRecord first = store.createOrRefresh(pending("run-remind-refresh", "t1", NOW.plusSeconds(3600)));
        store.markReminded(first.approvalId(), first.expiresAt(), NOW);

        ApprovalRecord refreshed = store.createOrRefresh(pending("run-remind-refresh", "t2", NOW.plusSeconds(7200)));

        assertThat(store.markReminded(first.approvalId(), first.expiresAt(), NOW)).as("the old expiry").isFalse();
        assertThat(store.markReminded(refreshed.approvalId(), refreshed.expiresAt(), NOW)).isTrue();
    }

    @Test
    void clearReminded_whenTheClaimIsOurs_letsTheNextRunClaimAgain() {
        ApprovalRecord r = store.createOrRefresh(pending("run-remind-clear", "t"));
        store.markReminded(r.approvalId(), r.expiresAt(), NOW);

        store.clearReminded(r.approvalId(), NOW.plusSeconds(1));
        boolean afterOtherClear = store.markReminded(r.approvalId(), r.expiresAt(), NOW.plusSeconds(2));
        store.clearReminded(r.approvalId(), NOW);
        boolean afterOwnClear = store.markReminded(r.approvalId(), r.expiresAt(), NOW.plusSeconds(3));

        assertThat(afterOtherClear).as("someone else's clear leaves the claim").isFalse();
        assertThat(afterOwnClear).isTrue();
    }

    private static String freshTable() {
        String name = "approvals-" + java.util.UUID.randomUUID();
        DynamoDbApprovalStore.createTable(dynamoDb, name);
        return name;
    }

    private static ApprovalRecord pending(String runId, String token, Instant expiresAt) {
        ApprovalRecord r = pending(runId, token);
        return new ApprovalRecord(r.approvalId(), r.runId(), r.reportKey(), r.taskToken(), r.status(), r.counts(),
                r.objects(), r.approvers(), r.createdAt(), expiresAt, null, null);
    }

    private static ApprovalRecord pending(String runId, String token) {
        return new ApprovalRecord(ApprovalIds.newId(), runId, "reports/" + runId + ".json", token,
                ApprovalStatus.PENDING, new RunCounts(3, 1, 1, 1),
                List.of(new ApprovalObject("a.csv", 120, "FLAGGED", "High", List.of("SensitiveData:S3Object/Personal"),
                                List.of(new Detection("EMAIL_ADDRESS", 2, List.of("line 2")))),
                        new ApprovalObject("b.bin", 5, "UNSCANNED", null, List.of(), List.of())),
                List.of("ann@example.com"), NOW, NOW.plusSeconds(3600), null, null);
    }

    private static Decision decision(String key, DecisionAction action) {
        return new Decision(Map.of(key, action), "ann@example.com", NOW);
    }
}
