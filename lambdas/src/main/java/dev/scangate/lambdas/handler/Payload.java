package dev.scangate.lambdas.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.scangate.lambdas.core.StepInputException;
import dev.scangate.lambdas.core.document.Json;
import dev.scangate.lambdas.core.run.RunId;
import java.util.Optional;
import org.slf4j.MDC;

/** Field access on a step event; every problem names the field. */
public final class Payload {

    private final JsonNode node;
    private final String path;

    Payload(JsonNode node) {
        this(node, "");
    }

    private Payload(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    public JsonNode node() {
        return node;
    }

    /** The {@code runId} field, validated, and put in the log context. */
    public RunId runId() {
        var runId = new RunId(requiredString("runId"));
        MDC.put("runId", runId.value());
        return runId;
    }

    public String requiredString(String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            throw new StepInputException(name(field), "is required");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new StepInputException(name(field), "must be a non-empty string, got " + describe(value));
        }
        return value.asText();
    }

    public Optional<String> optionalString(String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new StepInputException(name(field), "must be a string, got " + describe(value));
        }
        return Optional.of(value.asText());
    }

    public int integer(String field, int defaultValue) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        return integerValue(field, value);
    }

    public int requiredInteger(String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            throw new StepInputException(name(field), "is required");
        }
        return integerValue(field, value);
    }

    public double requiredNumber(String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            throw new StepInputException(name(field), "is required");
        }
        if (!value.isNumber()) {
            throw new StepInputException(name(field), "must be a number, got " + describe(value));
        }
        return value.asDouble();
    }

    public Payload object(String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            throw new StepInputException(name(field), "is required");
        }
        if (!value.isObject()) {
            throw new StepInputException(name(field), "must be an object, got " + describe(value));
        }
        return new Payload(value, name(field) + ".");
    }

    public Optional<JsonNode> optionalNode(String field) {
        var value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    public String name(String field) {
        return path + field;
    }

    private int integerValue(String field, JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            // Step Functions JSONata arithmetic may yield 3.0 for 3; accept whole numbers only.
            if (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()) && Math.abs(value.asDouble()) < Integer.MAX_VALUE) {
                return (int) value.asDouble();
            }
            throw new StepInputException(name(field), "must be a whole number, got " + describe(value));
        }
        return value.asInt();
    }

    static String describe(JsonNode value) {
        String text;
        try {
            text = Json.mapper().writeValueAsString(value);
        } catch (Exception e) {
            text = value.getNodeType().toString();
        }
        if (text.length() > 100) {
            text = text.substring(0, 100) + "…";
        }
        return value.getNodeType() == JsonNodeType.STRING ? text : value.getNodeType().name().toLowerCase() + " " + text;
    }
}
