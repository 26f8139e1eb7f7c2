package dev.scangate.lambdas.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adobe.testing.s3mock.S3MockApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scangate.lambdas.aws.AwsClientFactory;
import dev.scangate.lambdas.aws.approval.DynamoDbApprovalStore;
import dev.scangate.lambdas.aws.approval.DynamoDbLocalServer;
import dev.scangate.lambdas.aws.approval.StubAwsEndpoint;
import dev.scangate.lambdas.core.StepInputException;
import dev.scangate.lambdas.core.approval.ApprovalObject;
import dev.scangate.lambdas.core.approval.ApprovalRecord;
import dev.scangate.lambdas.core.approval.ApprovalStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

class RequestApprovalHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUCKET = "scangate-scan-stage";
    private static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:scangate-approvals";

    private static S3MockApplication s3mock;
    private static DynamoDbLocalServer dynamo;
    private static StubAwsEndpoint aws;
    private static DynamoDbClient dynamoDb;
    private static DynamoDbApprovalStore store;
    private static RequestApprovalHandler handler;

    @BeforeAll
    static void start() throws Exception {
        // s3mock adds its own defaults to the map it is given, so it must be mutable.
        s3mock = S3MockApplication.start(new HashMap<>(Map.of(S3MockApplication.PROP_HTTP_PORT, 0,
                S3MockApplication.PROP_HTTPS_PORT, 0, S3MockApplication.PROP_SILENT, true)));
        dynamo = DynamoDbLocalServer.start();
        aws = StubAwsEndpoint.start();
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_ENDPOINT_URL", aws.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + s3mock.getHttpPort());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString());
        env.put("SCAN_STAGE_BUCKET", BUCKET);
        env.put("APPROVAL_TABLE", "approvals");
        env.put("APPROVAL_TOPIC_ARN", TOPIC);
        env.put("APPROVAL_BASE_URL", "http://127.0.0.1:8080");
        env.put("APPROVAL_SIGNING_KEY", "handler-test-key-0123456789abcdef0123456789");
        env.put("APPROVERS", "Ann@Example.com, bob@example.com");
        AwsClientFactory clients = AwsClientFactory.fromEnvironment(env);
        dynamoDb = clients.dynamoDb();
        DynamoDbApprovalStore.createTable(dynamoDb, "approvals");
        store = DynamoDbApprovalStore.create(dynamoDb, "approvals");
        try (S3Client s3 = clients.s3(); InputStream report = RequestApprovalHandlerTest.class
                .getResourceAsStream("/approval/run-report.json")) {
            s3.createBucket(b -> b.bucket(BUCKET));
            s3.putObject(b -> b.bucket(BUCKET).key("reports/run-42.json"),
                    RequestBody.fromBytes(report.readAllBytes()));
        }
        handler = new RequestApprovalHandler(env);
    }

    @AfterAll
    static void stop() {
        dynamoDb.close();
        aws.close();
        dynamo.close();
        s3mock.stop();
    }

    @Test
    void handle_whenReportHasHeldObjects_storesApprovalAndNotifiesApprovers() throws Exception {
        JsonNode out = invoke(input("run-42", "token-a"));

        ApprovalRecord record = store.find(out.path("approvalId").asText()).orElseThrow();
        assertThat(record.status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(record.taskToken()).isEqualTo("token-a");
        assertThat(record.approvers()).containsExactly("ann@example.com", "bob@example.com");
        assertThat(record.objects()).extracting(ApprovalObject::key)
                .containsExactly("customers/export.csv", "scans/contract.pdf");
        ApprovalObject flagged = record.objects().get(0);
        assertThat(flagged.severity()).isEqualTo("High");
        assertThat(flagged.detections().get(0).type()).isEqualTo("USA_SOCIAL_SECURITY_NUMBER");
        assertThat(flagged.detections().get(0).locations()).containsExactly("row 2, column ssn", "row 3, column ssn");
        StubAwsEndpoint.Published message = aws.published().stream()
                .filter(p -> p.message().contains(record.approvalId())).findFirst().orElseThrow();
        assertThat(message.topicArn()).isEqualTo(TOPIC);
        assertThat(message.message()).contains("http://127.0.0.1:8080/approvals/" + record.approvalId() + "?exp=")
                .contains("USA_SOCIAL_SECURITY_NUMBER (4)").doesNotContain("token-a");
    }

    @Test
    void handle_whenRetriedForSameRun_keepsOneApprovalWithNewToken() throws Exception {
        String first = invoke(input("run-retry", "token-1")).path("approvalId").asText();

        JsonNode second = invoke(input("run-retry", "token-2"));

        assertThat(second.path("approvalId").asText()).isEqualTo(first);
        assertThat(second.path("reusedExisting").asBoolean()).isTrue();
        assertThat(store.find(first).orElseThrow().taskToken()).isEqualTo("token-2");
    }

    @Test
    void handle_whenReportMissing_failsNamingReportKey() {
        String input = input("run-none", "t").replace("reports/run-42.json", "reports/missing.json");

        assertThatThrownBy(() -> invoke(input)).isInstanceOf(StepInputException.class)
                .hasMessageStartingWith("reportKey").hasMessageContaining("reports/missing.json");
    }

    @Test
    void handle_whenInputMalformed_failsNamingTheProblem() {
        assertThatThrownBy(() -> invoke("{not json")).isInstanceOf(StepInputException.class).hasMessageStartingWith("input");
        assertThatThrownBy(() -> invoke("{\"runId\":\"r\",\"reportKey\":\"k\",\"taskToken\":\"t\",\"expiresInSeconds\":\"x\"}"))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("expiresInSeconds");
    }

    private static String input(String runId, String token) {
        return "{\"runId\":\"" + runId + "\",\"reportKey\":\"reports/run-42.json\",\"counts\":{\"total\":3,\"clean\":1,"
                + "\"flagged\":1,\"unscanned\":1},\"taskToken\":\"" + token + "\",\"expiresInSeconds\":432000}";
    }

    private static JsonNode invoke(String input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, null);
        return JSON.readTree(out.toByteArray());
    }
}
