package dev.scangate.lambdas.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.scangate.lambdas.core.StepInputException;
import dev.scangate.lambdas.core.failure.FailRun;
import dev.scangate.lambdas.core.failure.RunFailure;
import java.util.Map;
import org.slf4j.MDC;

/**
 * {@code {runId, failure: {state, error, cause, redriveCount}, redriveCount}} → {@code {resume: <state>}},
 * or a {@link dev.scangate.lambdas.core.RunFailedException} that fails the execution.
 */
public final class FailRunHandler extends JsonStreamHandler {

    private final FailRun failRun = new FailRun();

    public FailRunHandler() {
        this(System.getenv());
    }

    /** Needs no configuration; the environment is taken for the same wiring as every step. */
    public FailRunHandler(Map<String, String> environment) {
        // nothing to read: the step reaches no AWS service
    }

    @Override
    protected Object handle(Payload payload, Context context) {
        // like PublishRunEvent: the run id may be a provisional one that StageObjects rejected
        var runId = payload.requiredString("runId");
        MDC.put("runId", runId);
        var failure = payload.object("failure");
        var recorded = new RunFailure(failure.requiredString("state"), failure.optionalString("error").orElse(null),
                failure.optionalString("cause").orElse(null), nonNegative(failure, "redriveCount"));
        var state = failRun.resumeOrFail(runId, recorded, nonNegative(payload, "redriveCount"));
        return Map.of("resume", state);
    }

    private static int nonNegative(Payload payload, String field) {
        int value = payload.requiredInteger(field);
        if (value < 0) {
            throw new StepInputException(payload.name(field), "must not be negative, got " + value);
        }
        return value;
    }
}
