package dev.scangate.lambdas.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.scangate.lambdas.aws.AwsClientFactory;
import dev.scangate.lambdas.aws.s3.S3ObjectStore;
import dev.scangate.lambdas.core.StepInputException;
import dev.scangate.lambdas.core.config.BucketNames;
import dev.scangate.lambdas.core.config.Environment;
import dev.scangate.lambdas.core.run.RunId;
import dev.scangate.lambdas.core.staging.StageObjects;
import dev.scangate.lambdas.core.staging.StagingSettings;
import dev.scangate.lambdas.core.storage.ObjectStore;
import java.time.Clock;
import java.util.Map;
import org.slf4j.MDC;

/** {@code {executionInput, executionName, cursor}} → {@code {runId, manifestKey, objectCount, byteCount, truncated, cursor, done}}. */
public final class StageObjectsHandler extends JsonStreamHandler {

    private final StageObjects stageObjects;

    public StageObjectsHandler() {
        this(System.getenv());
    }

    public StageObjectsHandler(Map<String, String> environment) {
        this(S3ObjectStore.fromEnvironment(AwsClientFactory.fromEnvironment(environment), Environment.of(environment)),
                environment);
    }

    StageObjectsHandler(ObjectStore store, Map<String, String> environment) {
        var env = Environment.of(environment);
        this.stageObjects = new StageObjects(store, BucketNames.from(env), StagingSettings.from(env), Clock.systemUTC());
    }

    @Override
    protected Object handle(Payload payload, Context context) {
        var input = payload.optionalNode("executionInput").orElse(null);
        if (input != null && !input.isObject()) {
            throw new StepInputException("executionInput", "must be a JSON object, got " + Payload.describe(input));
        }
        String id = null;
        if (input != null && input.hasNonNull("id")) {
            var idNode = input.get("id");
            if (!idNode.isTextual()) {
                throw new StepInputException("id", "the execution input's id must be a string, got " + Payload.describe(idNode));
            }
            id = idNode.asText();
        }
        var executionName = payload.optionalString("executionName").orElse(null);
        var runId = RunId.resolve(id, executionName);
        MDC.put("runId", runId.value());
        return stageObjects.stage(runId, payload.integer("cursor", 0), deadline(context));
    }
}
