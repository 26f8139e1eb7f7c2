package dev.scangate.lambdas.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scangate.lambdas.aws.AwsClientFactory;
import dev.scangate.lambdas.aws.approval.DynamoDbApprovalStore;
import dev.scangate.lambdas.aws.approval.DynamoDbLocalServer;
import dev.scangate.lambdas.aws.approval.StubAwsEndpoint;
import dev.scangate.lambdas.core.RetryableStepException;
import dev.scangate.lambdas.core.StepInputException;
import dev.scangate.lambdas.core.approval.ApprovalIds;
import dev.scangate.lambdas.core.approval.ApprovalObject;
import dev.scangate.lambdas.core.approval.ApprovalRecord;
import dev.scangate.lambdas.core.approval.ApprovalStatus;
import dev.scangate.lambdas.core.approval.Decision;
import dev.scangate.lambdas.core.approval.DecisionAction;
import dev.scangate.lambdas.core.approval.LinkSigner;
import dev.scangate.lambdas.core.approval.Notification;
import dev.scangate.lambdas.core.approval.RunCounts;
import dev.scangate.lambdas.testing.Invocations;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class RemindApproversHandlerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String KEY = "reminder-test-key-0123456789abcdef0123456789";
    private static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:scangate-approvals";
    /** What EventBridge sends a scheduled target; nothing in it is used. */
    private static final String SCHEDULED_EVENT = "{\"version\":\"0\",\"id\":\"5f1b3c1e-0000-4000-8000-000000000000\","
            + "\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"account\":\"123456789012\","
            + "\"time\":\"2026-11-23T12:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],\"detail\":{}}";

    private static DynamoDbLocalServer dynamo;
    private static DynamoDbClient dynamoDb;

    private final List<Notification> sent = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private DynamoDbApprovalStore store;
    private String table;

    @BeforeAll
    static void startDynamoDb() {
        dynamo = DynamoDbLocalServer.start();
        dynamoDb = AwsClientFactory.forEndpoint(dynamo.endpoint()).dynamoDb();
    }

    @AfterAll
    static void stopDynamoDb() {
        dynamoDb.close();
        dynamo.close();
    }

    @BeforeEach
    void freshTable() {
        // the reminder scans the whole table, so each test gets its own
        table = "approvals-" + UUID.randomUUID();
        DynamoDbApprovalStore.createTable(dynamoDb, table);
        store = DynamoDbApprovalStore.create(dynamoDb, table);
    }

    @Test
    void handle_whenInvokedTwice_sendsOneReminderPerApproval() {
        ApprovalRecord a = store.createOrRefresh(pending("run-a", NOW.plus(Duration.ofHours(3))));
        ApprovalRecord b = store.createOrRefresh(pending("run-b", NOW.plus(Duration.ofHours(20))));
        RemindApproversHandler handler = handler(NOW);

        JsonNode first = Invocations.invoke(handler, SCHEDULED_EVENT);
        JsonNode second = Invocations.invoke(handler, SCHEDULED_EVENT);

        assertThat(first.toString()).isEqualTo("{\"nearingExpiry\":2,\"reminded\":2}");
        assertThat(second.toString()).isEqualTo("{\"nearingExpiry\":2,\"reminded\":0}");
        assertThat(sent).hasSize(2);
        LinkSigner signer = LinkSigner.create(KEY);
        for (ApprovalRecord r : List.of(a, b)) {
            assertThat(sent).filteredOn(n -> n.body().contains(r.approvalId())).singleElement().satisfies(n -> {
                assertThat(n.subject()).startsWith("ScanGate reminder: review expires").endsWith("run " + r.runId());
                assertThat(n.body()).contains(signer.link(r.approvalId(), r.expiresAt()).reviewUrl("http://127.0.0.1:8080"))
                        .doesNotContain(r.taskToken());
            });
        }
    }

    @Test
    void handle_whenInvokedConcurrently_sendsOneReminderPerApproval() throws Exception {
        for (int i = 0; i < 5; i++) {
            store.createOrRefresh(pending("run-" + i, NOW.plus(Duration.ofHours(1 + i))));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<JsonNode>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                RemindApproversHandler handler = handler(NOW);
                runs.add(pool.submit(() -> Invocations.invoke(handler, SCHEDULED_EVENT)));
            }
            int reminded = 0;
            for (var run : runs) {
                reminded += run.get().path("reminded").asInt();
            }
            assertThat(reminded).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(sent).hasSize(5);
    }

    @Test
    void handle_whenFarFromExpiryDecidedOrExpired_sendsNothingAndEmitsZero() {
        store.createOrRefresh(pending("run-far", NOW.plus(Duration.ofDays(4))));
        ApprovalRecord decided = store.createOrRefresh(pending("run-decided", NOW.plus(Duration.ofHours(2))));
        store.decide(decided.approvalId(), new Decision(Map.of("a.csv", DecisionAction.APPROVE), "ann@example.com", NOW), NOW);
        ApprovalRecord expired = store.createOrRefresh(pending("run-expired", NOW.plus(Duration.ofHours(2))));
        store.markExpired(expired.approvalId(), "TaskTimedOut");
        store.createOrRefresh(pending("run-past", NOW.minusSeconds(60)));

        JsonNode out = Invocations.invoke(handler(NOW), SCHEDULED_EVENT);

        assertThat(out.toString()).isEqualTo("{\"nearingExpiry\":0,\"reminded\":0}");
        assertThat(sent).isEmpty();
        assertThat(metricLine().path("ApprovalsNearingExpiry").asInt()).isEqualTo(0);
    }

    @Test
    void handle_whenApprovalsNearExpiry_printsOneEmfLineWithNamespaceMetricAndCount() {
        store.createOrRefresh(pending("run-a", NOW.plus(Duration.ofHours(3))));
        store.createOrRefresh(pending("run-b", NOW.plus(Duration.ofHours(4))));
        store.createOrRefresh(pending("run-far", NOW.plus(Duration.ofDays(3))));

        Invocations.invoke(handler(NOW), SCHEDULED_EVENT);

        JsonNode emf = metricLine();
        // namespace and name are what pipeline-infra's Alarms watches (APPROVALS_NAMESPACE, APPROVALS_NEARING_EXPIRY_METRIC)
        JsonNode directive = emf.at("/_aws/CloudWatchMetrics/0");
        assertThat(directive.path("Namespace").asText()).isEqualTo("ScanGate");
        assertThat(directive.at("/Metrics/0/Name").asText()).isEqualTo("ApprovalsNearingExpiry");
        assertThat(directive.at("/Metrics/0/Unit").asText()).isEqualTo("Count");
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[]]");
        assertThat(emf.at("/_aws/Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(emf.path("ApprovalsNearingExpiry").isIntegralNumber()).isTrue();
        assertThat(emf.path("ApprovalsNearingExpiry").asInt()).isEqualTo(2);
    }

    @Test
    void handle_whenSendingFails_emitsTheMetricThenFailsAndTheNextRunSends() {
        store.createOrRefresh(pending("run-a", NOW.plus(Duration.ofHours(3))));
        RemindApproversHandler failing = new RemindApproversHandler(store, n -> {
            throw new RetryableStepException("could not notify approvers");
        }, LinkSigner.create(KEY), "http://127.0.0.1:8080", Map.of(), Clock.fixed(NOW, ZoneOffset.UTC),
                new PrintStream(stdout, true, StandardCharsets.UTF_8));

        assertThatThrownBy(() -> Invocations.invoke(failing, SCHEDULED_EVENT))
                .isInstanceOf(RetryableStepException.class).hasMessageContaining("1 of 1 approval reminders");
        assertThat(metricLine().path("ApprovalsNearingExpiry").asInt()).isEqualTo(1);
        JsonNode retried = Invocations.invoke(handler(NOW.plus(Duration.ofHours(1))), SCHEDULED_EVENT);

        assertThat(retried.path("reminded").asInt()).isEqualTo(1);
        assertThat(sent).hasSize(1);
    }

    @Test
    void handle_whenEventIsNotAnObjectOrWindowInvalid_failsNamingTheProblem() {
        assertThatThrownBy(() -> Invocations.invoke(handler(NOW), "[1]"))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("event");
        assertThatThrownBy(() -> new RemindApproversHandler(store, sent::add, LinkSigner.create(KEY), "http://x",
                Map.of("APPROVAL_REMINDER_WINDOW_SECONDS", "0"), Clock.systemUTC(), System.out))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("APPROVAL_REMINDER_WINDOW_SECONDS");
    }

    @Test
    void handle_whenWindowConfigured_remindsOnlyWithinIt() {
        store.createOrRefresh(pending("run-a", NOW.plus(Duration.ofHours(3))));
        store.createOrRefresh(pending("run-b", NOW.plus(Duration.ofMinutes(30))));
        RemindApproversHandler oneHour = new RemindApproversHandler(store, sent::add, LinkSigner.create(KEY),
                "http://127.0.0.1:8080", Map.of("APPROVAL_REMINDER_WINDOW_SECONDS", "3600"),
                Clock.fixed(NOW, ZoneOffset.UTC), new PrintStream(stdout, true, StandardCharsets.UTF_8));

        JsonNode out = Invocations.invoke(oneHour, SCHEDULED_EVENT);

        assertThat(out.toString()).isEqualTo("{\"nearingExpiry\":1,\"reminded\":1}");
    }

    @Test
    void handle_whenWiredFromEnvironment_publishesTheReminderToTheApprovalTopic() {
        Instant now = Instant.now();
        ApprovalRecord soon = store.createOrRefresh(pending("run-env", now.plus(Duration.ofHours(2))));
        try (StubAwsEndpoint aws = StubAwsEndpoint.start()) {
            Map<String, String> env = new HashMap<>();
            env.put("AWS_REGION", "us-east-1");
            env.put("AWS_ACCESS_KEY_ID", "test");
            env.put("AWS_SECRET_ACCESS_KEY", "test");
            env.put("AWS_ENDPOINT_URL", aws.endpoint().toString());
            env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString());
            env.put("APPROVAL_TABLE", table);
            env.put("APPROVAL_TOPIC_ARN", TOPIC);
            env.put("APPROVAL_BASE_URL", "http://127.0.0.1:8080");
            env.put("APPROVAL_SIGNING_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:000000000000:secret:signing");
            aws.putSecret("arn:aws:secretsmanager:us-east-1:000000000000:secret:signing", KEY);

            JsonNode out = Invocations.invoke(new RemindApproversHandler(env), SCHEDULED_EVENT);

            assertThat(out.path("reminded").asInt()).isEqualTo(1);
            assertThat(aws.published()).singleElement().satisfies(p -> {
                assertThat(p.topicArn()).isEqualTo(TOPIC);
                assertThat(p.subject()).startsWith("ScanGate reminder:");
                assertThat(p.message()).contains("http://127.0.0.1:8080/approvals/" + soon.approvalId() + "?exp=")
                        .doesNotContain(soon.taskToken());
            });
        }
    }

    private RemindApproversHandler handler(Instant now) {
        return new RemindApproversHandler(store, sent::add, LinkSigner.create(KEY), "http://127.0.0.1:8080", Map.of(),
                Clock.fixed(now, ZoneOffset.UTC), new PrintStream(stdout, true, StandardCharsets.UTF_8));
    }

    /** The only line the handler printed, parsed. */
    private JsonNode metricLine() {
        String printed = stdout.toString(StandardCharsets.UTF_8);
        List<String> lines = printed.lines().toList();
        assertThat(lines).as(printed).hasSize(1);
        return Invocations.parse(lines.get(0));
    }

    private static ApprovalRecord pending(String runId, Instant expiresAt) {
        return new ApprovalRecord(ApprovalIds.newId(), runId, "reports/" + runId + ".json", "task-token-" + runId,
                ApprovalStatus.PENDING, new RunCounts(2, 0, 1, 1),
                List.of(new ApprovalObject("a.csv", 10, "FLAGGED", "High", List.of(), List.of()),
                        new ApprovalObject("b.bin", 10, "UNSCANNED", null, List.of(), List.of())),
                List.of("ann@example.com"), NOW.minus(Duration.ofDays(4)), expiresAt, null, null);
    }
}
