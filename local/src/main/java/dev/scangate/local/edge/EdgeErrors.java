package dev.scangate.local.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;

/** Renders an {@link EdgeError} the way AWS JSON services do, so SDKs surface the message. */
final class EdgeErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EdgeErrors() {
    }

    static void send(HttpExchange exchange, EdgeError error, Object... args) throws IOException {
        byte[] body = JSON.writeValueAsBytes(Map.of("__type", error.code(), "message", error.message(args)));
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-ErrorType", error.code());
        exchange.sendResponseHeaders(error.status(), body.length);
        exchange.getResponseBody().write(body);
    }
}
