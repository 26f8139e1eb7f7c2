package dev.scangate.lambdas.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scangate.lambdas.aws.AwsClientFactory;
import dev.scangate.lambdas.aws.approval.DynamoDbApprovalStore;
import dev.scangate.lambdas.aws.approval.S3RunReportSource;
import dev.scangate.lambdas.aws.approval.SfnTaskCallback;
import dev.scangate.lambdas.aws.approval.SigningKeys;
import dev.scangate.lambdas.aws.approval.SnsApprovalNotifier;
import dev.scangate.lambdas.core.RetryableStepException;
import dev.scangate.lambdas.core.StepInputException;
import dev.scangate.lambdas.core.approval.ApprovalRequest;
import dev.scangate.lambdas.core.approval.ApprovalSettings;
import dev.scangate.lambdas.core.approval.ApprovalStoreException;
import dev.scangate.lambdas.core.approval.NotificationComposer;
import dev.scangate.lambdas.core.approval.RequestApproval;
import dev.scangate.lambdas.core.approval.RunCounts;
import dev.scangate.lambdas.core.approval.TaskCallbackException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The RequestApproval step ({@code lambda:invoke.waitForTaskToken}). Its output is ignored by the
 * state machine; the task result comes from the approval API's SendTaskSuccess.
 */
public final class RequestApprovalHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RequestApprovalHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RequestApproval requestApproval;

    public RequestApprovalHandler() {
        this(System.getenv());
    }

    public RequestApprovalHandler(Map<String, String> environment) {
        this(wire(environment));
    }

    RequestApprovalHandler(RequestApproval requestApproval) {
        this.requestApproval = requestApproval;
    }

    private static RequestApproval wire(Map<String, String> env) {
        ApprovalSettings settings = ApprovalSettings.fromEnvironment(env);
        AwsClientFactory clients = AwsClientFactory.fromEnvironment(env);
        String scanStage = env.get("SCAN_STAGE_BUCKET");
        if (scanStage == null || scanStage.isBlank()) {
            throw new IllegalArgumentException("SCAN_STAGE_BUCKET is not set");
        }
        return new RequestApproval(
                DynamoDbApprovalStore.create(clients.dynamoDb(), settings.table()),
                S3RunReportSource.create(clients.s3(), scanStage.trim()),
                SnsApprovalNotifier.create(clients.sns(), settings.requireTopicArn()),
                SfnTaskCallback.create(clients.sfn()),
                SigningKeys.signer(env, clients::secretsManager),
                new NotificationComposer(settings.requireBaseUrl()),
                settings.approvers(),
                Clock.systemUTC());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ApprovalRequest request = parse(input);
        MDC.put("runId", request.runId());
        try {
            RequestApproval.Outcome outcome = requestApproval.request(request);
            LOG.info("approval {} for run {}: {} ({})", outcome.approvalId(), request.runId(), outcome.status(),
                    outcome.reusedExisting() ? "existing approval, new task token" : "new approval");
            var out = JSON.createObjectNode()
                    .put("approvalId", outcome.approvalId())
                    .put("status", outcome.status().name())
                    .put("reusedExisting", outcome.reusedExisting())
                    .put("notified", outcome.notified());
            JSON.writeValue(output, out);
        } catch (ApprovalStoreException e) {
            if (e.isTransient()) {
                throw new RetryableStepException(e.getMessage(), e);
            }
            throw e;
        } catch (TaskCallbackException e) {
            throw new RetryableStepException(e.getMessage(), e);
        } finally {
            MDC.remove("runId");
        }
    }

    private static ApprovalRequest parse(InputStream input) {
        JsonNode node;
        try {
            node = JSON.readTree(input);
        } catch (IOException e) {
            throw new StepInputException("input", "is not valid JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new StepInputException("input", "must be a JSON object");
        }
        JsonNode counts = node.path("counts");
        JsonNode expires = node.path("expiresInSeconds");
        if (!expires.isNumber() && !(expires.isTextual() && expires.asText().matches("\\d{1,12}"))) {
            throw new StepInputException("expiresInSeconds", "must be a number of seconds");
        }
        return new ApprovalRequest(
                text(node, "runId"),
                text(node, "reportKey"),
                new RunCounts(counts.path("total").asLong(0), counts.path("clean").asLong(0),
                        counts.path("flagged").asLong(0), counts.path("unscanned").asLong(0)),
                text(node, "taskToken"),
                expires.asLong());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }
}
