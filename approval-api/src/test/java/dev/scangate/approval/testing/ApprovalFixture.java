package dev.scangate.approval.testing;

import dev.scangate.lambdas.aws.AwsClientFactory;
import dev.scangate.lambdas.aws.approval.DynamoDbApprovalStore;
import dev.scangate.lambdas.aws.approval.DynamoDbLocalServer;
import dev.scangate.lambdas.aws.approval.SfnTaskCallback;
import dev.scangate.lambdas.aws.approval.SnsApprovalNotifier;
import dev.scangate.lambdas.aws.approval.StubAwsEndpoint;
import dev.scangate.lambdas.core.approval.ApprovalObject;
import dev.scangate.lambdas.core.approval.ApprovalRequest;
import dev.scangate.lambdas.core.approval.ApprovalStore;
import dev.scangate.lambdas.core.approval.Detection;
import dev.scangate.lambdas.core.approval.LinkSigner;
import dev.scangate.lambdas.core.approval.NotificationComposer;
import dev.scangate.lambdas.core.approval.RequestApproval;
import dev.scangate.lambdas.core.approval.RunCounts;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Real DynamoDBLocal plus the stub Step Functions/EventBridge/SNS endpoint, and a way to open an
 * approval exactly as the RequestApproval step does (only the run report is given in memory).
 */
public final class ApprovalFixture implements AutoCloseable {

    public static final String SIGNING_KEY = "test-signing-key-0123456789abcdefghijklmnopqrstuv";
    public static final String TABLE = "scangate-approvals";
    public static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:scangate-approvals";
    private static final Pattern LINK = Pattern.compile("(https?://\\S+/approvals/\\S+)");

    private final DynamoDbLocalServer dynamo;
    private final StubAwsEndpoint stub;
    private final DynamoDbClient dynamoDb;
    private final SfnClient sfn;
    private final SnsClient sns;
    private final DynamoDbApprovalStore store;

    private ApprovalFixture() {
        this.dynamo = DynamoDbLocalServer.start();
        this.stub = StubAwsEndpoint.start();
        AwsClientFactory clients = AwsClientFactory.fromEnvironment(environment());
        this.dynamoDb = clients.dynamoDb();
        this.sfn = clients.sfn();
        this.sns = clients.sns();
        DynamoDbApprovalStore.createTable(dynamoDb, TABLE);
        this.store = DynamoDbApprovalStore.create(dynamoDb, TABLE);
    }

    public static ApprovalFixture start() {
        return new ApprovalFixture();
    }

    /** What the approval API and the step read, pointing every service at 127.0.0.1. */
    public Map<String, String> environment() {
        return Map.of(
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test",
                "AWS_ENDPOINT_URL", stub.endpoint().toString(),
                "AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString(),
                "APPROVAL_TABLE", TABLE,
                "APPROVAL_SIGNING_KEY", SIGNING_KEY,
                "EVENT_BUS_NAME", "scangate-bus",
                "SCAN_STAGE_BUCKET", "scangate-scan-stage");
    }

    public ApprovalStore store() {
        return store;
    }

    public StubAwsEndpoint aws() {
        return stub;
    }

    public LinkSigner signer() {
        return LinkSigner.create(SIGNING_KEY);
    }

    /** Opens an approval through the RequestApproval use case; returns its id, token and emailed link. */
    public Requested request(String baseUrl, List<ApprovalObject> objects, List<String> approvers) {
        String runId = "run-" + UUID.randomUUID();
        String token = stub.openTaskToken();
        RequestApproval step = new RequestApproval(store, reportKey -> objects,
                SnsApprovalNotifier.create(sns, TOPIC), SfnTaskCallback.create(sfn), signer(),
                new NotificationComposer(baseUrl), approvers, Clock.systemUTC());
        RequestApproval.Outcome outcome = step.request(
                new ApprovalRequest(runId, "reports/" + runId + ".json", new RunCounts(3, 1, 1, 1), token, 3600));
        var message = stub.published().get(stub.published().size() - 1);
        Matcher m = LINK.matcher(message.message());
        if (!m.find()) {
            throw new IllegalStateException("no link in the notification");
        }
        URI link = URI.create(m.group(1));
        return new Requested(outcome.approvalId(), runId, token, link, message.subject(), message.message());
    }

    public static List<ApprovalObject> sampleObjects() {
        return List.of(
                new ApprovalObject("customers/2026/export.csv", 20_480, "FLAGGED", "High",
                        List.of("SensitiveData:S3Object/Personal"),
                        List.of(new Detection("EMAIL_ADDRESS", 12, List.of("row 2, column email", "row 3, column email")))),
                new ApprovalObject("scans/contract.pdf", 1_048_576, "UNSCANNED", null, List.of(), List.of()));
    }

    @Override
    public void close() {
        sfn.close();
        sns.close();
        dynamoDb.close();
        stub.close();
        dynamo.close();
    }

    /** An approval as an approver receives it. {@code link} is the URL from the message. */
    public record Requested(String approvalId, String runId, String taskToken, URI link, String subject, String message) {

        /** Path and query of the link, as a server sees them. */
        public String pathAndQuery() {
            return link.getRawPath() + "?" + link.getRawQuery();
        }

        public String rawQuery() {
            return link.getRawQuery();
        }

        @Override
        public String toString() {
            return "Requested[" + approvalId + "]";
        }
    }
}
