package dev.scangate.lambdas.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.scangate.lambdas.aws.AwsClientFactory;
import dev.scangate.lambdas.aws.approval.DynamoDbApprovalStore;
import dev.scangate.lambdas.aws.approval.SigningKeys;
import dev.scangate.lambdas.aws.approval.SnsApprovalNotifier;
import dev.scangate.lambdas.aws.metrics.EmbeddedMetric;
import dev.scangate.lambdas.core.RetryableStepException;
import dev.scangate.lambdas.core.approval.ApprovalNotifier;
import dev.scangate.lambdas.core.approval.ApprovalSettings;
import dev.scangate.lambdas.core.approval.ApprovalStore;
import dev.scangate.lambdas.core.approval.LinkSigner;
import dev.scangate.lambdas.core.approval.NotificationComposer;
import dev.scangate.lambdas.core.approval.RemindApprovers;
import dev.scangate.lambdas.core.config.Environment;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hourly approval reminder (an EventBridge schedule, not a state machine step). The scheduled
 * event is accepted and otherwise ignored. Every invocation writes the metric
 * {@value #METRIC_NAMESPACE}/{@value #METRIC_NAME} (pending approvals expiring within
 * {@code APPROVAL_REMINDER_WINDOW_SECONDS}, 0 included) as one EMF line to stdout, then returns
 * {@code {nearingExpiry, reminded}}.
 */
public final class RemindApproversHandler extends JsonStreamHandler {

    /** Must equal {@code Alarms.APPROVALS_NAMESPACE} in pipeline-infra (the alarm watches it). */
    public static final String METRIC_NAMESPACE = "ScanGate";
    /** Must equal {@code Alarms.APPROVALS_NEARING_EXPIRY_METRIC} in pipeline-infra. */
    public static final String METRIC_NAME = "ApprovalsNearingExpiry";
    public static final String WINDOW_VARIABLE = "APPROVAL_REMINDER_WINDOW_SECONDS";

    private final RemindApprovers remindApprovers;
    private final Clock clock;
    private final PrintStream metrics;

    public RemindApproversHandler() {
        this(System.getenv());
    }

    public RemindApproversHandler(Map<String, String> environment) {
        this(wire(environment), Clock.systemUTC(), System.out);
    }

    RemindApproversHandler(ApprovalStore store, ApprovalNotifier notifier, LinkSigner signer, String baseUrl,
                           Map<String, String> environment, Clock clock, PrintStream metrics) {
        this(new RemindApprovers(store, notifier, signer, new NotificationComposer(baseUrl), window(environment), clock),
                clock, metrics);
    }

    private RemindApproversHandler(RemindApprovers remindApprovers, Clock clock, PrintStream metrics) {
        this.remindApprovers = remindApprovers;
        this.clock = clock;
        this.metrics = metrics;
    }

    private static RemindApprovers wire(Map<String, String> env) {
        ApprovalSettings settings = ApprovalSettings.fromEnvironment(env);
        AwsClientFactory clients = AwsClientFactory.fromEnvironment(env);
        return new RemindApprovers(
                DynamoDbApprovalStore.create(clients.dynamoDb(), settings.table()),
                SnsApprovalNotifier.create(clients.sns(), settings.requireTopicArn()),
                SigningKeys.signer(env, clients::secretsManager),
                new NotificationComposer(settings.requireBaseUrl()),
                window(env),
                Clock.systemUTC());
    }

    static Duration window(Map<String, String> env) {
        return Duration.ofSeconds(Environment.of(env).positiveLong(WINDOW_VARIABLE, RemindApprovers.DEFAULT_WINDOW.toSeconds()));
    }

    @Override
    protected Object handle(Payload payload, Context context) {
        // The EventBridge scheduled event carries nothing this step needs; JsonStreamHandler has
        // already checked that it is a JSON object.
        RemindApprovers.Result result = remindApprovers.remind();
        metrics.println(EmbeddedMetric.count(METRIC_NAMESPACE, METRIC_NAME, result.nearingExpiry(), clock.instant()).toLogLine());
        metrics.flush();
        if (result.failed() > 0) {
            // After the metric, so the alarm still sees the count; the error makes the Errors alarm
            // fire and the claims were given back, so the next run (or EventBridge's retry) resends.
            throw new RetryableStepException(result.failed() + " of " + result.nearingExpiry()
                    + " approval reminders could not be sent; they are retried on the next run");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("nearingExpiry", result.nearingExpiry());
        out.put("reminded", result.reminded());
        return out;
    }
}
