package dev.scangate.lambdas.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.scangate.lambdas.aws.AwsClientFactory;
import dev.scangate.lambdas.aws.events.EventBridgeRunEvents;
import dev.scangate.lambdas.core.StepInputException;
import dev.scangate.lambdas.core.config.Environment;
import dev.scangate.lambdas.core.events.Outcome;
import dev.scangate.lambdas.core.events.PublishRunEvent;
import dev.scangate.lambdas.core.events.RunEvents;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.MDC;

/** {@code {runId, outcome, reportKey, counts, decision?, failure?}} → {@code {eventId}}. */
public final class PublishRunEventHandler extends JsonStreamHandler {

    private final PublishRunEvent publishRunEvent;

    public PublishRunEventHandler() {
        this(System.getenv());
    }

    public PublishRunEventHandler(Map<String, String> environment) {
        this(new EventBridgeRunEvents(AwsClientFactory.fromEnvironment(environment).eventBridge(),
                Environment.of(environment).string("EVENT_BUS_NAME", "default")), environment);
    }

    PublishRunEventHandler(RunEvents events, Map<String, String> environment) {
        this.publishRunEvent = new PublishRunEvent(events, Environment.of(environment).required("SCAN_STAGE_BUCKET"));
    }

    @Override
    protected Object handle(Payload payload, Context context) {
        // A FAILED event may carry the provisional run id of a run whose id was rejected, so only
        // presence is checked here: the failure must still be announced.
        var runId = payload.requiredString("runId");
        MDC.put("runId", runId);
        var outcomeText = payload.requiredString("outcome");
        var outcome = Arrays.stream(Outcome.values()).filter(o -> o.name().equals(outcomeText)).findFirst()
                .orElseThrow(() -> new StepInputException("outcome", "must be one of "
                        + Arrays.toString(Outcome.values()) + ", got '" + outcomeText + "'"));
        var counts = payload.optionalNode("counts").orElseThrow(() -> new StepInputException("counts", "is required"));
        if (!counts.isObject()) {
            throw new StepInputException("counts", "must be an object, got " + Payload.describe(counts));
        }
        var eventId = publishRunEvent.publish(runId, outcome, payload.optionalString("reportKey").orElse(null), counts,
                payload.optionalNode("decision").orElse(null), payload.optionalNode("failure").orElse(null));
        return Map.of("eventId", eventId);
    }
}
