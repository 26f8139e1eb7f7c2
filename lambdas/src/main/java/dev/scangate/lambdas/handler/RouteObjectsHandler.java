package dev.scangate.lambdas.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.scangate.lambdas.aws.AwsClientFactory;
import dev.scangate.lambdas.aws.s3.S3ObjectStore;
import dev.scangate.lambdas.core.config.BucketNames;
import dev.scangate.lambdas.core.config.Environment;
import dev.scangate.lambdas.core.routing.RouteObjects;
import dev.scangate.lambdas.core.staging.StagingSettings;
import dev.scangate.lambdas.core.storage.ObjectStore;
import java.time.Clock;
import java.util.Map;

/** {@code {runId, reportKey, cursor}} → {@code {cursor, done, curated, manualReview}}. */
public final class RouteObjectsHandler extends JsonStreamHandler {

    private final RouteObjects routeObjects;

    public RouteObjectsHandler() {
        this(System.getenv());
    }

    public RouteObjectsHandler(Map<String, String> environment) {
        this(S3ObjectStore.fromEnvironment(AwsClientFactory.fromEnvironment(environment), Environment.of(environment)),
                environment);
    }

    RouteObjectsHandler(ObjectStore store, Map<String, String> environment) {
        var env = Environment.of(environment);
        this.routeObjects = new RouteObjects(store, BucketNames.from(env), StagingSettings.from(env), Clock.systemUTC());
    }

    @Override
    protected Object handle(Payload payload, Context context) {
        var runId = payload.runId();
        return routeObjects.route(runId, payload.requiredString("reportKey"), payload.integer("cursor", 0),
                deadline(context));
    }
}
