package dev.scangate.lambdas.aws.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for Step Functions (task tokens, AWS JSON 1.0), EventBridge (PutEvents, JSON 1.1),
 * Secrets Manager (GetSecretValue) and SNS (Publish, query protocol) on 127.0.0.1 until the local runtime provides them. Task tokens
 * behave as in AWS: a token works once, then answers {@code TaskTimedOut}; an unknown token
 * answers {@code InvalidToken}.
 */
public final class StubAwsEndpoint implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One SendTaskSuccess that Step Functions accepted. */
    public record TaskSuccess(String taskToken, String output) {
    }

    /** One SNS Publish. */
    public record Published(String topicArn, String subject, String message) {
    }

    private final HttpServer server;
    private final Set<String> openTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> closedTokens = ConcurrentHashMap.newKeySet();
    private final List<TaskSuccess> successes = new CopyOnWriteArrayList<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final List<Published> published = new CopyOnWriteArrayList<>();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private volatile boolean sfnUnavailable;

    private StubAwsEndpoint(HttpServer server) {
        this.server = server;
    }

    public static StubAwsEndpoint start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            StubAwsEndpoint stub = new StubAwsEndpoint(server);
            server.createContext("/", stub::handle);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A token a waiting task would hold. */
    public String openTaskToken() {
        String token = "AQCEAAAAKgAAAAMAAAAA+" + UUID.randomUUID() + "/x==";
        openTokens.add(token);
        return token;
    }

    /** Simulates the task timing out: the token stops working. */
    public void timeOut(String token) {
        openTokens.remove(token);
        closedTokens.add(token);
    }

    /** A Secrets Manager secret (SecretString) the stub will serve. */
    public void putSecret(String arn, String value) {
        secrets.put(arn, value);
    }

    public void sfnUnavailable(boolean unavailable) {
        this.sfnUnavailable = unavailable;
    }

    public List<TaskSuccess> successes() {
        return List.copyOf(successes);
    }

    public List<JsonNode> events() {
        return List.copyOf(events);
    }

    public List<Published> published() {
        return List.copyOf(published);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (target == null) {
                sns(exchange, body);
            } else if (target.startsWith("AWSStepFunctions.")) {
                sfn(exchange, target.substring("AWSStepFunctions.".length()), JSON.readTree(body));
            } else if (target.equals("secretsmanager.GetSecretValue")) {
                String id = JSON.readTree(body).path("SecretId").asText();
                String secret = secrets.get(id);
                if (secret == null) {
                    reply(exchange, 400, "application/x-amz-json-1.1", "{\"__type\":\"ResourceNotFoundException\","
                            + "\"message\":\"Secrets Manager can't find the specified secret.\"}");
                } else {
                    reply(exchange, 200, "application/x-amz-json-1.1", JSON.createObjectNode().put("ARN", id)
                            .put("SecretString", secret).toString());
                }
            } else if (target.equals("AWSEvents.PutEvents")) {
                JsonNode request = JSON.readTree(body);
                request.path("Entries").forEach(events::add);
                reply(exchange, 200, "application/x-amz-json-1.1", "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\""
                        + UUID.randomUUID() + "\"}]}");
            } else {
                reply(exchange, 400, "application/x-amz-json-1.0", "{\"__type\":\"UnknownOperationException\"}");
            }
        }
    }

    private void sfn(HttpExchange exchange, String operation, JsonNode request) throws IOException {
        if (sfnUnavailable) {
            reply(exchange, 503, "application/x-amz-json-1.0", "{\"__type\":\"ServiceUnavailable\",\"message\":\"down\"}");
            return;
        }
        if (!operation.equals("SendTaskSuccess")) {
            reply(exchange, 400, "application/x-amz-json-1.0", "{\"__type\":\"UnknownOperationException\"}");
            return;
        }
        String token = request.path("taskToken").asText();
        if (openTokens.remove(token)) {
            closedTokens.add(token);
            successes.add(new TaskSuccess(token, request.path("output").asText()));
            reply(exchange, 200, "application/x-amz-json-1.0", "{}");
        } else if (closedTokens.contains(token)) {
            reply(exchange, 400, "application/x-amz-json-1.0", "{\"__type\":\"com.amazonaws.swf.service.v2.model#TaskTimedOut\","
                    + "\"message\":\"Task Timed Out: 'Provided task does not exist anymore'\"}");
        } else {
            reply(exchange, 400, "application/x-amz-json-1.0", "{\"__type\":\"InvalidToken\",\"message\":\"Invalid token\"}");
        }
    }

    private void sns(HttpExchange exchange, String body) throws IOException {
        Map<String, String> form = new ConcurrentHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        published.add(new Published(form.get("TopicArn"), form.get("Subject"), form.get("Message")));
        reply(exchange, 200, "text/xml", "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
                + "<PublishResult><MessageId>" + UUID.randomUUID() + "</MessageId></PublishResult>"
                + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></PublishResponse>");
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
