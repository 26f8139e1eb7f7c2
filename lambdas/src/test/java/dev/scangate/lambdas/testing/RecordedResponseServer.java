package dev.scangate.lambdas.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A tiny HTTP server on 127.0.0.1 answering with recorded responses and recording every request,
 * to test SDK-facing code (Macie2, EventBridge) through the real SDK clients. Routes match
 * {@code METHOD path} exactly, or a path prefix when the route ends with {@code *}; for AWS JSON
 * protocols route by target with {@code "POST /#<X-Amz-Target>"}.
 */
public final class RecordedResponseServer implements AutoCloseable {

    /** A request as received; {@code path} is URL-decoded. */
    public record RecordedRequest(String method, String path, Map<String, String> headers, String body) {
        public JsonNode json() {
            return Invocations.parse(body.isEmpty() ? "{}" : body);
        }
    }

    /** A response to send; errors carry the AWS error type header. */
    public record Response(int status, String body, Map<String, String> headers) {
        public static Response json(String body) {
            return new Response(200, body, Map.of());
        }

        public static Response error(int status, String errorType, String message) {
            return new Response(status, "{\"message\":\"" + message + "\",\"__type\":\"" + errorType + "\"}",
                    Map.of("x-amzn-ErrorType", errorType));
        }
    }

    private final HttpServer server;
    private final Map<String, Function<RecordedRequest, Response>> routes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());

    private RecordedResponseServer(HttpServer server) {
        this.server = server;
    }

    public static RecordedResponseServer start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            var recorded = new RecordedResponseServer(server);
            server.createContext("/", recorded::handle);
            server.start();
            return recorded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public RecordedResponseServer respond(String route, Function<RecordedRequest, Response> responder) {
        routes.put(route, responder);
        return this;
    }

    public RecordedResponseServer respond(String route, String jsonBody) {
        return respond(route, request -> Response.json(jsonBody));
    }

    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<RecordedRequest> requests(String method, String pathPrefix) {
        return requests().stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
    }

    public void reset() {
        routes.clear();
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var headers = new LinkedHashMap<String, String>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
        var path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
        var request = new RecordedRequest(exchange.getRequestMethod(), path, headers, body);
        requests.add(request);
        var response = route(request);
        var bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Response route(RecordedRequest request) {
        var target = request.headers().get("x-amz-target");
        var byTarget = request.method() + " /#" + target;
        Function<RecordedRequest, Response> responder = target == null ? null : routes.get(byTarget);
        var exact = request.method() + " " + request.path();
        if (responder == null) {
            responder = routes.get(exact);
        }
        if (responder == null) {
            synchronized (routes) {
                for (var entry : routes.entrySet()) {
                    var route = entry.getKey();
                    if (route.endsWith("*") && exact.startsWith(route.substring(0, route.length() - 1))) {
                        responder = entry.getValue();
                        break;
                    }
                }
            }
        }
        if (responder == null) {
            return Response.error(404, "ResourceNotFoundException", "no recorded response for " + exact);
        }
        return responder.apply(request);
    }
}
