package dev.scangate.local.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.scangate.local.http.Exchanges;
import dev.scangate.local.http.LoopbackHttpServer;
import dev.scangate.local.schedule.InvalidScheduleException;
import dev.scangate.local.schedule.ScheduleExpression;
import dev.scangate.local.store.JsonFileStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A stand-in for Amazon EventBridge speaking JSON 1.1 ({@code EventBridgeClient},
 * {@code aws events}): PutEvents, CreateEventBus, ListEventBuses, DeleteEventBus, PutRule,
 * ListRules, PutTargets, ListTargetsByRule. Put events go to the {@link EventLog}; rules and
 * targets are stored (so the stack's shape can be provisioned and inspected) but not evaluated.
 */
public final class LocalEventBridgeServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._\\-/]{1,256}");
    private static final int MAX_ENTRIES = 10;
    private static final int MAX_EVENTS_BYTES = 256 * 1024;
    private static final String DEFAULT_BUS = "default";

    private final int requestedPort;
    private final String region;
    private final String account;
    private final EventLog eventLog;
    private final JsonFileStore<BusState> store;
    private final BusState state;
    private final Clock clock;
    private LoopbackHttpServer server;

    private LocalEventBridgeServer(Builder builder) {
        this.requestedPort = builder.port;
        this.region = builder.region;
        this.account = builder.account;
        this.eventLog = Objects.requireNonNull(builder.eventLog, "eventLog");
        this.store = new JsonFileStore<>(Objects.requireNonNull(builder.directory, "directory").resolve("buses.json"), BusState.class);
        this.state = store.read().orElseGet(() -> new BusState(null, null));
        this.clock = builder.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    public synchronized LocalEventBridgeServer start() {
        if (server == null) {
            server = LoopbackHttpServer.start("local EventBridge", requestedPort, handler());
        }
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public synchronized int getPort() {
        if (server == null) {
            throw new IllegalStateException("local EventBridge is not started");
        }
        return server.port();
    }

    public EventLog eventLog() {
        return eventLog;
    }

    public HttpHandler handler() {
        return this::handle;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String target = Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst("X-Amz-Target"), "");
            String operation = target.startsWith("AWSEvents.") ? target.substring("AWSEvents.".length()) : target;
            JsonNode request = parse(Exchanges.body(exchange, Exchanges.MAX_BODY_BYTES));
            JsonNode response = switch (operation) {
                case "PutEvents" -> putEvents(request);
                case "CreateEventBus" -> createEventBus(request);
                case "ListEventBuses" -> listEventBuses(request);
                case "DeleteEventBus" -> deleteEventBus(request);
                case "PutRule" -> putRule(request);
                case "ListRules" -> listRules(request);
                case "PutTargets" -> putTargets(request);
                case "ListTargetsByRule" -> listTargets(request);
                default -> throw new EventsException(EventsError.UNKNOWN_OPERATION,
                        "Operation '" + target + "' is not supported by the local EventBridge");
            };
            Exchanges.send(exchange, 200, "application/x-amz-json-1.1", JSON.writeValueAsBytes(response));
        } catch (EventsException e) {
            sendError(exchange, e.error(), e.getMessage());
        } catch (Exchanges.BodyTooLargeException e) {
            sendError(exchange, EventsError.VALIDATION, e.getMessage());
        }
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (!node.isObject()) {
                throw new EventsException(EventsError.SERIALIZATION, "The request body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new EventsException(EventsError.SERIALIZATION, "The request body is not valid JSON: " + e.getMessage());
        }
    }

    private JsonNode putEvents(JsonNode request) {
        JsonNode entries = request.path("Entries");
        if (!entries.isArray() || entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            throw new EventsException(EventsError.VALIDATION,
                    "1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length between 1 and " + MAX_ENTRIES);
        }
        if (entries.toString().getBytes(StandardCharsets.UTF_8).length > MAX_EVENTS_BYTES) {
            throw new EventsException(EventsError.VALIDATION, "Total size of the entries in the request is over the limit (256 KiB).");
        }
        ObjectNode response = JSON.createObjectNode();
        ArrayNode results = response.putArray("Entries");
        int failed = 0;
        for (JsonNode entry : entries) {
            ObjectNode result = results.addObject();
            try {
                StoredEvent event = toEvent(entry);
                eventLog.append(event);
                result.put("EventId", event.id());
            } catch (EventsException e) {
                failed++;
                result.put("ErrorCode", e.entryCode());
                result.put("ErrorMessage", e.getMessage());
            }
        }
        response.put("FailedEntryCount", failed);
        return response;
    }

    private StoredEvent toEvent(JsonNode entry) {
        String source = text(entry, "Source");
        String detailType = text(entry, "DetailType");
        String detailText = text(entry, "Detail");
        if (source == null || detailType == null || detailText == null) {
            throw new EventsException(EventsError.VALIDATION, "InvalidArgument", "Parameters Source, DetailType and Detail are required.");
        }
        JsonNode detail;
        try {
            detail = JSON.readTree(detailText);
        } catch (JsonProcessingException e) {
            throw new EventsException(EventsError.VALIDATION, "MalformedDetail", "Detail is malformed: " + e.getOriginalMessage());
        }
        if (detail == null || !detail.isObject()) {
            throw new EventsException(EventsError.VALIDATION, "MalformedDetail", "Detail is malformed: it must be a JSON object.");
        }
        String bus = busName(text(entry, "EventBusName"));
        requireBus(bus);
        var resources = new ArrayList<String>();
        entry.path("Resources").forEach(r -> resources.add(r.asText()));
        var time = entry.hasNonNull("Time") ? timeOf(entry.get("Time")) : clock.instant();
        return new StoredEvent(UUID.randomUUID().toString(), time, bus, source, detailType, detail, resources, account, region);
    }

    private static java.time.Instant timeOf(JsonNode time) {
        // the SDK sends epoch seconds (with fraction) for timestamps in JSON 1.1
        if (time.isNumber()) {
            return java.time.Instant.ofEpochMilli((long) (time.asDouble() * 1000));
        }
        try {
            return java.time.Instant.parse(time.asText());
        } catch (java.time.format.DateTimeParseException e) {
            throw new EventsException(EventsError.VALIDATION, "InvalidArgument", "Time '" + time.asText() + "' is not a timestamp");
        }
    }

    private synchronized JsonNode createEventBus(JsonNode request) {
        String name = text(request, "Name");
        if (name == null || !NAME.matcher(name).matches() || name.contains("/")) {
            throw new EventsException(EventsError.VALIDATION, "Event bus name '" + name
                    + "' is not valid: 1-256 letters, digits, '.', '_' or '-'.");
        }
        if (name.equals(DEFAULT_BUS) || state.buses().contains(name)) {
            throw new EventsException(EventsError.RESOURCE_ALREADY_EXISTS, "Event bus " + name + " already exists.");
        }
        state.buses().add(name);
        store.write(state);
        return JSON.createObjectNode().put("EventBusArn", busArn(name));
    }

    private synchronized JsonNode listEventBuses(JsonNode request) {
        String prefix = Objects.requireNonNullElse(text(request, "NamePrefix"), "");
        ObjectNode response = JSON.createObjectNode();
        ArrayNode buses = response.putArray("EventBuses");
        var names = new ArrayList<String>();
        names.add(DEFAULT_BUS);
        names.addAll(state.buses());
        names.stream().filter(n -> n.startsWith(prefix))
                .forEach(n -> buses.addObject().put("Name", n).put("Arn", busArn(n)));
        return response;
    }

    private synchronized JsonNode deleteEventBus(JsonNode request) {
        String name = busName(text(request, "Name"));
        if (name.equals(DEFAULT_BUS)) {
            throw new EventsException(EventsError.VALIDATION, "Cannot delete event bus default.");
        }
        if (state.buses().remove(name)) {
            state.rules().removeIf(r -> r.eventBusName().equals(name));
            store.write(state);
        }
        return JSON.createObjectNode();
    }

    private synchronized JsonNode putRule(JsonNode request) {
        String name = text(request, "Name");
        if (name == null || !NAME.matcher(name).matches() || name.contains("/") || name.length() > 64) {
            throw new EventsException(EventsError.VALIDATION, "Rule name '" + name + "' is not valid: 1-64 letters, digits, '.', '_' or '-'.");
        }
        String bus = busName(text(request, "EventBusName"));
        requireBus(bus);
        String pattern = text(request, "EventPattern");
        String schedule = text(request, "ScheduleExpression");
        if (pattern == null && schedule == null) {
            throw new EventsException(EventsError.VALIDATION, "Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }
        if (pattern != null) {
            try {
                if (!JSON.readTree(pattern).isObject()) {
                    throw new EventsException(EventsError.INVALID_EVENT_PATTERN, "Event pattern is not valid: it must be a JSON object.");
                }
            } catch (JsonProcessingException e) {
                throw new EventsException(EventsError.INVALID_EVENT_PATTERN, "Event pattern is not valid. Reason: " + e.getOriginalMessage());
            }
        }
        if (schedule != null) {
            if (!bus.equals(DEFAULT_BUS)) {
                throw new EventsException(EventsError.VALIDATION, "ScheduleExpression is supported only on the default event bus.");
            }
            try {
                ScheduleExpression.parse(schedule);
            } catch (InvalidScheduleException e) {
                throw new EventsException(EventsError.VALIDATION, "Parameter ScheduleExpression is not valid: " + e.getMessage());
            }
        }
        String ruleState = Objects.requireNonNullElse(text(request, "State"), "ENABLED");
        if (!ruleState.equals("ENABLED") && !ruleState.equals("DISABLED")) {
            throw new EventsException(EventsError.VALIDATION, "State must be ENABLED or DISABLED, got " + ruleState);
        }
        var existing = findRule(name, bus);
        var targets = existing == null ? null : existing.targets();
        state.rules().remove(existing);
        state.rules().add(new BusState.Rule(name, bus, pattern, schedule, ruleState, text(request, "Description"), targets));
        store.write(state);
        return JSON.createObjectNode().put("RuleArn", ruleArn(name, bus));
    }

    private synchronized JsonNode listRules(JsonNode request) {
        String prefix = Objects.requireNonNullElse(text(request, "NamePrefix"), "");
        String bus = busName(text(request, "EventBusName"));
        requireBus(bus);
        ObjectNode response = JSON.createObjectNode();
        ArrayNode rules = response.putArray("Rules");
        for (var rule : state.rules()) {
            if (rule.eventBusName().equals(bus) && rule.name().startsWith(prefix)) {
                ObjectNode node = rules.addObject().put("Name", rule.name()).put("Arn", ruleArn(rule.name(), bus))
                        .put("State", rule.state()).put("EventBusName", bus);
                if (rule.eventPattern() != null) {
                    node.put("EventPattern", rule.eventPattern());
                }
                if (rule.scheduleExpression() != null) {
                    node.put("ScheduleExpression", rule.scheduleExpression());
                }
                if (rule.description() != null) {
                    node.put("Description", rule.description());
                }
            }
        }
        return response;
    }

    private synchronized JsonNode putTargets(JsonNode request) {
        String bus = busName(text(request, "EventBusName"));
        var rule = requireRule(text(request, "Rule"), bus);
        JsonNode targets = request.path("Targets");
        if (!targets.isArray() || targets.isEmpty()) {
            throw new EventsException(EventsError.VALIDATION, "Targets must hold at least one target.");
        }
        ObjectNode response = JSON.createObjectNode();
        ArrayNode failed = response.putArray("FailedEntries");
        for (JsonNode target : targets) {
            String id = text(target, "Id");
            if (id == null || text(target, "Arn") == null) {
                failed.addObject().put("TargetId", Objects.requireNonNullElse(id, ""))
                        .put("ErrorCode", "ValidationException").put("ErrorMessage", "A target needs an Id and an Arn.");
                continue;
            }
            rule.targets().removeIf(t -> id.equals(t.path("Id").asText()));
            rule.targets().add(target);
        }
        store.write(state);
        response.put("FailedEntryCount", failed.size());
        return response;
    }

    private synchronized JsonNode listTargets(JsonNode request) {
        var rule = requireRule(text(request, "Rule"), busName(text(request, "EventBusName")));
        ObjectNode response = JSON.createObjectNode();
        ArrayNode targets = response.putArray("Targets");
        rule.targets().forEach(targets::add);
        return response;
    }

    private BusState.Rule requireRule(String name, String bus) {
        requireBus(bus);
        var rule = name == null ? null : findRule(name, bus);
        if (rule == null) {
            throw new EventsException(EventsError.RESOURCE_NOT_FOUND, "Rule " + name + " does not exist on EventBus " + bus + ".");
        }
        return rule;
    }

    private BusState.Rule findRule(String name, String bus) {
        return state.rules().stream().filter(r -> r.name().equals(name) && r.eventBusName().equals(bus)).findFirst().orElse(null);
    }

    private synchronized void requireBus(String bus) {
        if (!bus.equals(DEFAULT_BUS) && !state.buses().contains(bus)) {
            throw new EventsException(EventsError.RESOURCE_NOT_FOUND, "Event bus " + bus + " does not exist.");
        }
    }

    /** A bus is named by name or ARN; none means the default bus. */
    private static String busName(String nameOrArn) {
        if (nameOrArn == null || nameOrArn.isBlank()) {
            return DEFAULT_BUS;
        }
        int slash = nameOrArn.indexOf(":event-bus/");
        return slash >= 0 ? nameOrArn.substring(slash + ":event-bus/".length()) : nameOrArn;
    }

    private String busArn(String name) {
        return "arn:aws:events:" + region + ":" + account + ":event-bus/" + name;
    }

    private String ruleArn(String name, String bus) {
        return "arn:aws:events:" + region + ":" + account + ":rule/" + (bus.equals(DEFAULT_BUS) ? "" : bus + "/") + name;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void sendError(HttpExchange exchange, EventsError error, String message) throws IOException {
        byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode().put("__type", error.code()).put("message", message));
        exchange.getResponseHeaders().set("x-amzn-ErrorType", error.code());
        Exchanges.send(exchange, error.status(), "application/x-amz-json-1.1", body);
    }

    public static final class Builder {
        private int port;
        private String region = "us-east-1";
        private String account = "000000000000";
        private Path directory;
        private EventLog eventLog;
        private Clock clock = Clock.systemUTC();

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        public Builder account(String account) {
            this.account = Objects.requireNonNull(account, "account");
            return this;
        }

        /** Where buses, rules and targets are kept. */
        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        public Builder eventLog(EventLog eventLog) {
            this.eventLog = eventLog;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public LocalEventBridgeServer build() {
            return new LocalEventBridgeServer(this);
        }
    }
}
