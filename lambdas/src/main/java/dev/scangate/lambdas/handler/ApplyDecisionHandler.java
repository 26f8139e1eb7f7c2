package dev.scangate.lambdas.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.scangate.lambdas.aws.AwsClientFactory;
import dev.scangate.lambdas.aws.s3.S3ObjectStore;
import dev.scangate.lambdas.core.StepInputException;
import dev.scangate.lambdas.core.config.BucketNames;
import dev.scangate.lambdas.core.config.Environment;
import dev.scangate.lambdas.core.decision.ApplyDecision;
import dev.scangate.lambdas.core.report.Decision;
import dev.scangate.lambdas.core.staging.StagingSettings;
import dev.scangate.lambdas.core.storage.ObjectStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code {runId, reportKey, approvalId, decisions, approver, decidedAt}} → {@code {approved, denied}}. */
public final class ApplyDecisionHandler extends JsonStreamHandler {

    private final ApplyDecision applyDecision;

    public ApplyDecisionHandler() {
        this(System.getenv());
    }

    public ApplyDecisionHandler(Map<String, String> environment) {
        this(S3ObjectStore.fromEnvironment(AwsClientFactory.fromEnvironment(environment), Environment.of(environment)),
                environment);
    }

    ApplyDecisionHandler(ObjectStore store, Map<String, String> environment) {
        var env = Environment.of(environment);
        this.applyDecision = new ApplyDecision(store, BucketNames.from(env), StagingSettings.from(env), Clock.systemUTC());
    }

    @Override
    protected Object handle(Payload payload, Context context) {
        var runId = payload.runId();
        var reportKey = payload.requiredString("reportKey");
        var approver = payload.requiredString("approver");
        var decidedAt = payload.optionalString("decidedAt").orElse(null);
        var decisionsNode = payload.object("decisions").node();
        if (decisionsNode.isEmpty()) {
            throw new StepInputException("decisions", "must name at least one object");
        }
        var decisions = new LinkedHashMap<String, Decision.Action>();
        decisionsNode.fields().forEachRemaining(entry -> {
            var value = entry.getValue();
            if (!value.isTextual() || !(value.asText().equals("APPROVE") || value.asText().equals("DENY"))) {
                throw new StepInputException("decisions." + entry.getKey(), "must be APPROVE or DENY, got "
                        + Payload.describe(value));
            }
            decisions.put(entry.getKey(), Decision.Action.valueOf(value.asText()));
        });
        return applyDecision.apply(runId, reportKey, decisions, approver, decidedAt);
    }
}
