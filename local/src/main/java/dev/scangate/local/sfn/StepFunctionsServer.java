package dev.scangate.local.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.scangate.local.http.JdkHttpServers;
import dev.scangate.statemachine.definition.AslProblem;
import dev.scangate.statemachine.definition.AslValidator;
import dev.scangate.statemachine.engine.Engine;
import dev.scangate.statemachine.engine.EngineException;
import dev.scangate.statemachine.engine.ExecutionInfo;
import dev.scangate.statemachine.engine.ExecutionStatus;
import dev.scangate.statemachine.engine.HistoryEvent;
import dev.scangate.statemachine.engine.Json;
import dev.scangate.statemachine.engine.StateMachineInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Step Functions API (AWS JSON 1.0, {@code X-Amz-Target: AWSStepFunctions.<Operation>}) over
 * the local {@link Engine}. Timestamps are epoch seconds; errors are {@code {"__type", "message"}}.
 */
public final class StepFunctionsServer {

    private static final Logger LOG = LoggerFactory.getLogger(StepFunctionsServer.class);
    private static final String TARGET_PREFIX = "AWSStepFunctions.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 1000;

    private final Engine engine;
    private final String host;
    private final int requestedPort;
    private HttpServer server;
    private ExecutorService executor;

    private StepFunctionsServer(Builder b) {
        this.engine = Objects.requireNonNull(b.engine, "engine");
        this.host = b.host;
        this.requestedPort = b.port;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening; the engine must already be started. */
    public synchronized StepFunctionsServer start() {
        try {
            server = JdkHttpServers.create(new InetSocketAddress(host, requestedPort), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + host + ":" + requestedPort + ": " + e.getMessage(), e);
        }
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/", handler());
        server.start();
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    public int getPort() {
        return server.getAddress().getPort();
    }

    /** The request handler, for serving on a shared edge endpoint. */
    public HttpHandler handler() {
        return this::handle;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode response;
            int status = 200;
            try {
                response = dispatch(exchange);
            } catch (SfnException e) {
                status = e.error().status();
                response = error(e.error().code(), e.getMessage());
            } catch (EngineException e) {
                SfnError err = SfnError.fromCode(e.error().code());
                status = err.status();
                response = error(e.error().code(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("Step Functions request failed", e);
                status = 500;
                response = error(SfnError.INTERNAL.code(), "internal error: " + e.getClass().getSimpleName());
            }
            byte[] body = Json.write(response).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static ObjectNode error(String code, String message) {
        ObjectNode n = Json.object();
        n.put("__type", code);
        n.put("message", message);
        return n;
    }

    private JsonNode dispatch(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            throw new SfnException(SfnError.UNKNOWN_OPERATION, "Step Functions takes POST / with X-Amz-Target");
        }
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
            throw new SfnException(SfnError.UNKNOWN_OPERATION, "missing or foreign X-Amz-Target: " + target);
        }
        JsonNode req;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            req = bytes.length == 0 ? Json.object() : Json.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new SfnException(SfnError.SERIALIZATION, "request body is not JSON: " + e.getMessage());
        }
        String op = target.substring(TARGET_PREFIX.length());
        return switch (op) {
            case "CreateStateMachine" -> createStateMachine(req);
            case "UpdateStateMachine" -> updateStateMachine(req);
            case "DescribeStateMachine" -> stateMachine(engine.describeStateMachine(text(req, "stateMachineArn")));
            case "ListStateMachines" -> listStateMachines(req);
            case "DeleteStateMachine" -> {
                engine.deleteStateMachine(text(req, "stateMachineArn"));
                yield Json.object();
            }
            case "ValidateStateMachineDefinition" -> validateDefinition(req);
            case "StartExecution" -> startExecution(req);
            case "DescribeExecution" -> describeExecution(req);
            case "DescribeStateMachineForExecution" -> stateMachine(engine.describeStateMachine(
                    engine.describeExecution(text(req, "executionArn")).stateMachineArn()));
            case "ListExecutions" -> listExecutions(req);
            case "GetExecutionHistory" -> history(req);
            case "StopExecution" -> Json.object().put("stopDate", seconds(engine.stopExecution(
                    text(req, "executionArn"), optional(req, "error"), optional(req, "cause"))));
            case "RedriveExecution" -> Json.object().put("redriveDate", seconds(engine.redriveExecution(text(req, "executionArn"))));
            case "SendTaskSuccess" -> {
                engine.sendTaskSuccess(text(req, "taskToken"), text(req, "output"));
                yield Json.object();
            }
            case "SendTaskFailure" -> {
                engine.sendTaskFailure(text(req, "taskToken"), optional(req, "error"), optional(req, "cause"));
                yield Json.object();
            }
            case "SendTaskHeartbeat" -> {
                engine.sendTaskHeartbeat(text(req, "taskToken"));
                yield Json.object();
            }
            default -> throw new SfnException(SfnError.UNKNOWN_OPERATION, "operation not supported locally: " + op);
        };
    }

    private JsonNode createStateMachine(JsonNode req) {
        StateMachineInfo sm = engine.createStateMachine(text(req, "name"), text(req, "definition"),
                text(req, "roleArn"), optional(req, "type"));
        ObjectNode out = Json.object();
        out.put("stateMachineArn", sm.arn());
        out.put("creationDate", seconds(sm.creationDate()));
        return out;
    }

    private JsonNode updateStateMachine(JsonNode req) {
        StateMachineInfo sm = engine.updateStateMachine(text(req, "stateMachineArn"), optional(req, "definition"),
                optional(req, "roleArn"));
        return Json.object().put("updateDate", seconds(sm.updateDate()));
    }

    private JsonNode validateDefinition(JsonNode req) {
        List<AslProblem> problems = AslValidator.validate(text(req, "definition"));
        ObjectNode out = Json.object();
        out.put("result", problems.isEmpty() ? "OK" : "FAIL");
        ArrayNode diagnostics = out.putArray("diagnostics");
        for (AslProblem p : problems) {
            diagnostics.addObject().put("severity", "ERROR").put("code", p.code()).put("message", p.message())
                    .put("location", p.location());
        }
        return out;
    }

    private static ObjectNode stateMachine(StateMachineInfo sm) {
        ObjectNode out = Json.object();
        out.put("stateMachineArn", sm.arn());
        out.put("name", sm.name());
        out.put("status", "ACTIVE");
        out.put("definition", sm.definition());
        out.put("roleArn", sm.roleArn());
        out.put("type", sm.type());
        out.put("creationDate", seconds(sm.creationDate()));
        out.putObject("loggingConfiguration").put("level", "OFF").put("includeExecutionData", false);
        return out;
    }

    private JsonNode listStateMachines(JsonNode req) {
        Page<StateMachineInfo> page = page(engine.listStateMachines(), req);
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("stateMachines");
        for (StateMachineInfo sm : page.items()) {
            items.addObject().put("stateMachineArn", sm.arn()).put("name", sm.name()).put("type", sm.type())
                    .put("creationDate", seconds(sm.creationDate()));
        }
        page.putNextToken(out);
        return out;
    }

    private JsonNode startExecution(JsonNode req) {
        ExecutionInfo e = engine.startExecution(text(req, "stateMachineArn"), optional(req, "name"), optional(req, "input"));
        return Json.object().put("executionArn", e.executionArn()).put("startDate", seconds(e.startDate()));
    }

    private JsonNode describeExecution(JsonNode req) {
        ExecutionInfo e = engine.describeExecution(text(req, "executionArn"));
        ObjectNode out = executionSummary(e);
        out.put("input", e.input());
        out.putObject("inputDetails").put("included", true);
        if (e.output() != null) {
            out.put("output", e.output());
            out.putObject("outputDetails").put("included", true);
        }
        if (e.error() != null) {
            out.put("error", e.error());
        }
        if (e.cause() != null) {
            out.put("cause", e.cause());
        }
        out.put("redriveStatus", e.redrivable() ? "REDRIVABLE" : "NOT_REDRIVABLE");
        if (e.redriveStatusReason() != null) {
            out.put("redriveStatusReason", e.redriveStatusReason());
        }
        return out;
    }

    private static ObjectNode executionSummary(ExecutionInfo e) {
        ObjectNode out = Json.object();
        out.put("executionArn", e.executionArn());
        out.put("stateMachineArn", e.stateMachineArn());
        out.put("name", e.name());
        out.put("status", e.status().name());
        out.put("startDate", seconds(e.startDate()));
        if (e.stopDate() != null) {
            out.put("stopDate", seconds(e.stopDate()));
        }
        out.put("redriveCount", e.redriveCount());
        if (e.redriveDate() != null) {
            out.put("redriveDate", seconds(e.redriveDate()));
        }
        return out;
    }

    private JsonNode listExecutions(JsonNode req) {
        ExecutionStatus status = null;
        String filter = optional(req, "statusFilter");
        if (filter != null) {
            try {
                status = ExecutionStatus.valueOf(filter);
            } catch (IllegalArgumentException e) {
                throw new SfnException(SfnError.VALIDATION, "statusFilter must be one of RUNNING, SUCCEEDED, FAILED, "
                        + "TIMED_OUT, ABORTED; got " + filter);
            }
        }
        List<ExecutionInfo> all = engine.listExecutions(text(req, "stateMachineArn"), status);
        String redrive = optional(req, "redriveFilter");
        if (redrive != null) {
            all = all.stream().filter(e -> "REDRIVEN".equals(redrive) == (e.redriveCount() > 0)).toList();
        }
        Page<ExecutionInfo> page = page(all, req);
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("executions");
        page.items().forEach(e -> items.add(executionSummary(e)));
        page.putNextToken(out);
        return out;
    }

    private JsonNode history(JsonNode req) {
        List<HistoryEvent> events = new ArrayList<>(engine.history(text(req, "executionArn")));
        if (req.path("reverseOrder").asBoolean(false)) {
            Collections.reverse(events);
        }
        boolean includeData = req.path("includeExecutionData").asBoolean(true);
        Page<HistoryEvent> page = page(events, req);
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("events");
        for (HistoryEvent e : page.items()) {
            ObjectNode n = items.addObject();
            n.put("timestamp", seconds(e.timestamp()));
            n.put("type", e.type());
            n.put("id", e.id());
            n.put("previousEventId", e.previousEventId());
            if (e.detailsKey() != null && e.details() != null) {
                ObjectNode details = e.details().deepCopy();
                if (!includeData) {
                    details.remove(List.of("input", "output", "parameters"));
                }
                n.set(e.detailsKey(), details);
            }
        }
        page.putNextToken(out);
        return out;
    }

    private record Page<T>(List<T> items, int nextOffset) {
        void putNextToken(ObjectNode out) {
            if (nextOffset > 0) {
                out.put("nextToken", Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(("offset:" + nextOffset).getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    private static <T> Page<T> page(List<T> all, JsonNode req) {
        int max = req.path("maxResults").asInt(0);
        if (max < 0 || max > MAX_PAGE) {
            throw new SfnException(SfnError.VALIDATION, "maxResults must be between 0 and 1000");
        }
        if (max == 0) {
            max = DEFAULT_PAGE;
        }
        int offset = 0;
        String token = optional(req, "nextToken");
        if (token != null) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                if (!decoded.startsWith("offset:")) {
                    throw new IllegalArgumentException("not a page token");
                }
                offset = Integer.parseInt(decoded.substring("offset:".length()));
            } catch (IllegalArgumentException e) {
                throw new SfnException(SfnError.INVALID_TOKEN, "Invalid Token: '" + token + "'");
            }
        }
        int end = Math.min(all.size(), offset + max);
        List<T> items = offset >= all.size() ? List.of() : all.subList(offset, end);
        return new Page<>(items, end < all.size() ? end : 0);
    }

    private static String text(JsonNode req, String field) {
        JsonNode v = req.get(field);
        if (v == null || !v.isTextual()) {
            throw new SfnException(SfnError.VALIDATION, "1 validation error detected: Value at '" + field
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return v.asText();
    }

    private static String optional(JsonNode req, String field) {
        JsonNode v = req.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static double seconds(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }

    public static final class Builder {
        private Engine engine;
        private String host = "127.0.0.1";
        private int port;

        private Builder() {
        }

        public Builder engine(Engine engine) {
            this.engine = engine;
            return this;
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public StepFunctionsServer build() {
            return new StepFunctionsServer(this);
        }
    }
}
