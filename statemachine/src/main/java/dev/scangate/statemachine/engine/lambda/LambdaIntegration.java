package dev.scangate.statemachine.engine.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scangate.statemachine.engine.Json;
import dev.scangate.statemachine.engine.StatesError;
import dev.scangate.statemachine.engine.integration.Integrations;
import dev.scangate.statemachine.engine.integration.TaskIntegration;
import dev.scangate.statemachine.engine.integration.TaskRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * {@code arn:aws:states:::lambda:invoke} and plain Lambda ARNs over a {@link LambdaInvoker}.
 * The optimised integration's result is {@code {ExecutedVersion, Payload, StatusCode}}; a plain ARN's
 * result is the payload itself. A handler error becomes the error named by the runtime's
 * {@code errorType} with the whole error body as cause, as in Step Functions.
 */
public final class LambdaIntegration implements TaskIntegration {

    private final LambdaInvoker invoker;

    private LambdaIntegration(LambdaInvoker invoker) {
        this.invoker = Objects.requireNonNull(invoker, "invoker");
    }

    public static LambdaIntegration of(LambdaInvoker invoker) {
        return new LambdaIntegration(invoker);
    }

    /** Registers this integration for both {@code lambda:invoke} and plain Lambda ARNs. */
    public Integrations.Builder registerOn(Integrations.Builder builder) {
        return builder.register("lambda:invoke", this).register(Integrations.PLAIN_LAMBDA, this);
    }

    @Override
    public JsonNode invoke(TaskRequest request) {
        boolean plain = request.action().startsWith("arn:aws:lambda:");
        String function;
        JsonNode payload;
        if (plain) {
            function = request.action();
            payload = request.arguments();
        } else {
            JsonNode fn = request.arguments().path("FunctionName");
            if (!fn.isTextual() || fn.asText().isEmpty()) {
                throw new StatesError("States.Runtime", "lambda:invoke needs Arguments.FunctionName (a string)");
            }
            function = fn.asText();
            payload = request.arguments().has("Payload") ? request.arguments().get("Payload") : Json.object();
        }
        InvokeResult result = invoker.invoke(function, Json.write(payload).getBytes(StandardCharsets.UTF_8));
        String body = result.payload() == null ? "" : new String(result.payload(), StandardCharsets.UTF_8);
        if (result.functionError() != null) {
            throw new StatesError(errorType(body), body);
        }
        JsonNode parsed = parseOrText(body);
        if (plain) {
            return parsed;
        }
        ObjectNode out = Json.object();
        out.put("ExecutedVersion", result.executedVersion() == null ? "$LATEST" : result.executedVersion());
        out.set("Payload", parsed);
        out.put("StatusCode", result.statusCode());
        return out;
    }

    private static String errorType(String body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node != null && node.path("errorType").isTextual()) {
                return node.get("errorType").asText();
            }
        } catch (IOException e) {
            return "Lambda.Unknown";
        }
        return "Lambda.Unknown";
    }

    private static JsonNode parseOrText(String body) {
        if (body.isBlank()) {
            return Json.MAPPER.nullNode();
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return TextNode.valueOf(body);
        }
    }
}
