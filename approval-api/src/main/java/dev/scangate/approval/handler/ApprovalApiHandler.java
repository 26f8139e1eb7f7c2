package dev.scangate.approval.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.scangate.approval.aws.EventBridgeDecisionEvents;
import dev.scangate.approval.core.DecideApproval;
import dev.scangate.approval.web.ApprovalApi;
import dev.scangate.approval.web.HttpRequest;
import dev.scangate.approval.web.HttpResponse;
import dev.scangate.lambdas.aws.AwsClientFactory;
import dev.scangate.lambdas.aws.approval.DynamoDbApprovalStore;
import dev.scangate.lambdas.aws.approval.SfnTaskCallback;
import dev.scangate.lambdas.aws.approval.SigningKeys;
import dev.scangate.lambdas.core.approval.ApprovalSettings;
import dev.scangate.lambdas.core.approval.LinkSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

/**
 * The approval API as one Lambda behind an API Gateway HTTP API (payload format 2.0). Locally the
 * web server serves the same handler through {@link dev.scangate.approval.http.ApprovalHttpAdapter}.
 *
 * <p>Environment: {@code APPROVAL_TABLE}, {@code APPROVAL_SIGNING_KEY} or
 * {@code APPROVAL_SIGNING_SECRET_ARN}, optional {@code APPROVER_HEADER} (a header set by an
 * authorizer naming the approver), {@code EVENT_BUS_NAME} (default {@code default}),
 * {@code SCAN_STAGE_BUCKET} (for the event's report location), and the AWS endpoint variables.
 */
public final class ApprovalApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApprovalApi api;

    public ApprovalApiHandler() {
        this(System.getenv());
    }

    public ApprovalApiHandler(Map<String, String> environment) {
        this(wire(environment));
    }

    ApprovalApiHandler(ApprovalApi api) {
        this.api = api;
    }

    private static ApprovalApi wire(Map<String, String> env) {
        ApprovalSettings settings = ApprovalSettings.fromEnvironment(env);
        AwsClientFactory clients = AwsClientFactory.fromEnvironment(env);
        LinkSigner signer = SigningKeys.signer(env, clients::secretsManager);
        DynamoDbApprovalStore store = DynamoDbApprovalStore.create(clients.dynamoDb(), settings.table());
        String bus = env.getOrDefault("EVENT_BUS_NAME", "default");
        String scanStage = env.get("SCAN_STAGE_BUCKET");
        DecideApproval decide = new DecideApproval(
                store,
                SfnTaskCallback.create(clients.sfn()),
                EventBridgeDecisionEvents.create(clients.eventBridge(), bus.isBlank() ? "default" : bus.trim(),
                        scanStage == null || scanStage.isBlank() ? null : scanStage.trim()),
                Clock.systemUTC());
        return new ApprovalApi(signer, store, decide, env.get("APPROVER_HEADER"), Clock.systemUTC());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String method = event.getRequestContext() != null && event.getRequestContext().getHttp() != null
                ? event.getRequestContext().getHttp().getMethod() : "GET";
        String body = event.getBody();
        if (body != null && event.getIsBase64Encoded()) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        HttpResponse response = api.handle(new HttpRequest(method, event.getRawPath(), event.getRawQueryString(),
                event.getHeaders(), body));
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(response.headers())
                .withBody(response.body())
                .withIsBase64Encoded(false)
                .build();
    }
}
