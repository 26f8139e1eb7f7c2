package dev.scangate.lambdas.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Invokes a stream handler the way the Lambda runtime does (without a context: no time limit). */
public final class Invocations {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Invocations() {
    }

    public static JsonNode invoke(RequestStreamHandler handler, String event) {
        return invoke(handler, event, null);
    }

    public static JsonNode invoke(RequestStreamHandler handler, String event, Context context) {
        var output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), output, context);
            return MAPPER.readTree(output.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode invoke(RequestStreamHandler handler, Object event) {
        try {
            return invoke(handler, MAPPER.writeValueAsString(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
