package dev.scangate.lambdas.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scangate.lambdas.core.StepInputException;
import dev.scangate.lambdas.core.document.Json;
import dev.scangate.lambdas.core.run.Deadline;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.MDC;

/**
 * A step handler: JSON object in, JSON out. Malformed events become a {@link StepInputException}
 * naming {@code event}; the run id goes into the log context as {@code runId}.
 */
public abstract class JsonStreamHandler implements RequestStreamHandler {

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event;
        try {
            event = Json.mapper().readTree(input);
        } catch (JsonProcessingException e) {
            throw new StepInputException("event", "is not valid JSON: " + e.getOriginalMessage());
        }
        if (event == null || !event.isObject()) {
            throw new StepInputException("event", "must be a JSON object");
        }
        try {
            Object result = handle(new Payload(event), context);
            Json.mapper().writeValue(output, result);
        } finally {
            MDC.remove("runId");
        }
    }

    /** Handles one validated event; the result is written as JSON. */
    protected abstract Object handle(Payload payload, Context context);

    protected static Deadline deadline(Context context) {
        return context == null ? Deadline.none() : Deadline.remaining(context::getRemainingTimeInMillis);
    }
}
