package dev.scangate.local.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.scangate.lambdas.aws.AwsClientFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * A tiny Step Functions endpoint on 127.0.0.1 speaking AWS JSON 1.0: it records every request
 * and answers from per-operation handlers, so tests drive the real {@link SfnClient}.
 */
final class SfnStub implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    record Call(String operation, JsonNode body) { }

    record Response(int status, String body) {

        static Response ok(String json) {
            return new Response(200, json);
        }

        static Response error(String type, String message) {
            return new Response(400, "{\"__type\":\"com.amazonaws.swf.service.v2.model#" + type + "\",\"message\":\""
                    + message + "\"}");
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Function<JsonNode, Response>> handlers = new ConcurrentHashMap<>();
    private final SfnClient client;

    private SfnStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        client = AwsClientFactory.forEndpoint(endpoint()).sfn();
    }

    static SfnStub start() {
        try {
            return new SfnStub();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    SfnClient client() {
        return client;
    }

    SfnStub on(String operation, Function<JsonNode, Response> handler) {
        handlers.put(operation, handler);
        return this;
    }

    List<Call> calls(String operation) {
        return calls.stream().filter(c -> c.operation().equals(operation)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        calls.add(new Call(operation, body));
        Function<JsonNode, Response> handler = handlers.get(operation);
        Response response = handler == null
                ? new Response(400, "{\"__type\":\"UnknownOperationException\",\"message\":\"" + operation + "\"}")
                : handler.apply(body);
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(response.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        client.close();
        server.stop(0);
    }
}
