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
