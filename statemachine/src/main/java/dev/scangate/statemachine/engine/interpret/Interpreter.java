package dev.scangate.statemachine.engine.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.statemachine.engine.Json;
import dev.scangate.statemachine.engine.StatesError;
import dev.scangate.statemachine.engine.integration.Integrations;
import dev.scangate.statemachine.engine.integration.TaskRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one state at a time: it advances a {@link Cursor} and reports history events. It never
 * stores anything; the engine persists the cursor and the events after each step.
 */
public final class Interpreter {

    public static final int MAX_PAYLOAD_BYTES = 262_144;
    private static final long DEFAULT_TIMEOUT_SECONDS = 99_999_999L;
    private static final int MAX_MAP_THREADS = 8;

    private final Integrations integrations;
    private final Clock clock;
    private final String region;
    private final ExecutorService taskPool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sfn-task");
        t.setDaemon(true);
        return t;
    });

    public Interpreter(Integrations integrations, Clock clock, String region) {
        this.integrations = Objects.requireNonNull(integrations, "integrations");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.region = region;
    }

    public void close() {
        taskPool.shutdownNow();
    }

    /** Runs or resumes the cursor's state. */
    public Outcome step(Definition def, Cursor c, ExecContext ctx, Host host, List<PendingEvent> events) {
        ObjectNode state;
        try {
            state = def.state(c.state);
        } catch (StatesError e) {
            return Outcome.failed(e.error(), e.cause());
        }
        String type = state.path("Type").asText();
        DataFlow flow = def.flow(state);
        if (!c.entered) {
            ObjectNode d = Json.object();
            d.put("name", c.state);
            d.put("input", Json.write(c.input));
            events.add(event(type + "StateEntered", "stateEnteredEventDetails", d));
            c.entered = true;
            c.enteredAt = clock.millis();
        }
        Scope scope = new Scope(c.input, null, null, c.variables, context(ctx, c, null));
        try {
            if (Cursor.TIMER.equals(c.phase)) {
                if (clock.millis() < c.wakeAt) {
                    return Outcome.SUSPEND;
                }
                if (Cursor.RESUME_WAIT.equals(c.resume)) {
                    return exit(state, type, c, c.pendingOutput, c.pendingAssign, events);
                }
                c.phase = Cursor.READY;
            }
            return switch (type) {
                case "Pass" -> pass(state, flow, c, scope, events);
                case "Task" -> task(def, state, flow, c, ctx, scope, host, events);
                case "Choice" -> choice(state, flow, c, scope, events);
                case "Wait" -> waitState(state, flow, c, scope, events);
                case "Succeed" -> exit(state, type, c, flow.output(state, flow.effectiveInput(state, scope), scope),
                        null, events);
                case "Fail" -> fail(state, flow, scope);
                case "Map" -> composite(def, state, flow, c, ctx, scope, events, true);
                case "Parallel" -> composite(def, state, flow, c, ctx, scope, events, false);
                default -> Outcome.failed("States.Runtime", "state '" + c.state + "' has unknown Type " + type);
            };
        } catch (StatesError e) {
            return handleError(state, type, flow, c, scope, e, host, events);
        }
    }

    /** A callback task got its result through SendTaskSuccess. */
    public Outcome callbackSucceeded(Definition def, Cursor c, ExecContext ctx, JsonNode result, Host host,
                                     List<PendingEvent> events) {
        ObjectNode state = def.state(c.state);
        DataFlow flow = def.flow(state);
        Scope scope = new Scope(c.input, null, null, c.variables, context(ctx, c, null));
        c.tokenHash = null;
        try {
            return taskSucceeded(state, flow, c, scope, result, events);
        } catch (StatesError e) {
            return handleError(state, "Task", flow, c, scope, e, host, events);
        }
    }

    /** A callback task failed through SendTaskFailure or timed out. */
    public Outcome callbackFailed(Definition def, Cursor c, ExecContext ctx, StatesError error, Host host,
                                  List<PendingEvent> events) {
        ObjectNode state = def.state(c.state);
        Scope scope = new Scope(c.input, null, null, c.variables, context(ctx, c, null));
        c.tokenHash = null;
        return handleError(state, "Task", def.flow(state), c, scope, error, host, events);
    }

    private Outcome pass(ObjectNode state, DataFlow flow, Cursor c, Scope scope, List<PendingEvent> events) {
        JsonNode eff = flow.effectiveInput(state, scope);
        JsonNode result = flow.arguments(state, eff, scope);
        Scope s = result == null ? scope : scope.withResult(result);
        JsonNode output = flow.output(state, eff, s);
        ObjectNode assigned = flow.assign(state.get("Assign"), s);
        return exit(state, "Pass", c, output, assigned, events);
    }

    private Outcome choice(ObjectNode state, DataFlow flow, Cursor c, Scope scope, List<PendingEvent> events) {
        for (JsonNode rule : state.path("Choices")) {
            if (flow.matches((ObjectNode) rule, scope)) {
                JsonNode output = flow.output(rule.has("Output") ? (ObjectNode) rule : state,
                        flow.effectiveInput(state, scope), scope);
                ObjectNode assigned = flow.assign(rule.has("Assign") ? rule.get("Assign") : state.get("Assign"), scope);
                return exitTo(state, "Choice", c, output, assigned, rule.path("Next").asText(), events);
            }
        }
        if (state.has("Default")) {
            JsonNode output = flow.output(state, flow.effectiveInput(state, scope), scope);
            ObjectNode assigned = flow.assign(state.get("Assign"), scope);
            return exitTo(state, "Choice", c, output, assigned, state.get("Default").asText(), events);
        }
        return Outcome.failed("States.NoChoiceMatched", "No Choice rule matched and no Default in state '" + c.state + "'");
    }

    private Outcome waitState(ObjectNode state, DataFlow flow, Cursor c, Scope scope, List<PendingEvent> events) {
        long wakeAt;
        JsonNode seconds = firstValue(state, flow, scope, "Seconds", "SecondsPath");
        JsonNode timestamp = firstValue(state, flow, scope, "Timestamp", "TimestampPath");
        if (seconds != null) {
            if (!seconds.isNumber() || seconds.asDouble() < 0) {
                throw new StatesError("States.Runtime", "Wait Seconds must be a non-negative number, got " + seconds);
            }
            wakeAt = clock.millis() + (long) (seconds.asDouble() * 1000);
        } else if (timestamp != null) {
            try {
                wakeAt = OffsetDateTime.parse(timestamp.asText()).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new StatesError("States.Runtime", "Wait Timestamp is not an ISO-8601 timestamp: " + timestamp);
            }
        } else {
            throw new StatesError("States.Runtime", "Wait state '" + c.state + "' has no Seconds or Timestamp");
        }
        JsonNode output = flow.output(state, flow.effectiveInput(state, scope), scope);
        ObjectNode assigned = flow.assign(state.get("Assign"), scope);
        if (wakeAt <= clock.millis()) {
            return exit(state, "Wait", c, output, assigned, events);
        }
        c.phase = Cursor.TIMER;
        c.resume = Cursor.RESUME_WAIT;
        c.wakeAt = wakeAt;
        c.pendingOutput = output;
        c.pendingAssign = assigned;
        return Outcome.SUSPEND;
    }

    private static JsonNode firstValue(ObjectNode state, DataFlow flow, Scope scope, String field, String pathField) {
        if (state.has(field)) {
            return flow.value(state, field, scope);
        }
        if (state.has(pathField)) {
            return flow.value(state, pathField, scope);
        }
        return null;
    }

    private Outcome fail(ObjectNode state, DataFlow flow, Scope scope) {
        JsonNode error = firstValue(state, flow, scope, "Error", "ErrorPath");
        JsonNode cause = firstValue(state, flow, scope, "Cause", "CausePath");
        return Outcome.failed(error == null || error.isNull() ? null : error.asText(),
                cause == null || cause.isNull() ? null : cause.asText());
    }

    private Outcome task(Definition def, ObjectNode state, DataFlow flow, Cursor c, ExecContext ctx, Scope scope,
                         Host host, List<PendingEvent> events) {
        String resource = state.path("Resource").asText();
        Integrations.Resolved resolved = integrations.resolve(resource);
        long timeout = seconds(firstValue(state, flow, scope, "TimeoutSeconds", "TimeoutSecondsPath"), "TimeoutSeconds");
        long heartbeat = seconds(firstValue(state, flow, scope, "HeartbeatSeconds", "HeartbeatSecondsPath"), "HeartbeatSeconds");
        String token = null;
        if (resolved.waitForTaskToken()) {
            c.phase = Cursor.TOKEN;
            long now = clock.millis();
            c.timeoutAt = now + 1000 * (timeout > 0 ? timeout : DEFAULT_TIMEOUT_SECONDS);
            c.heartbeatSeconds = heartbeat;
            c.submitted = false;
            token = host.beginCallback(c, events);
            scope = new Scope(scope.input(), null, null, scope.variables(), context(ctx, c, token));
        }
        JsonNode eff = flow.effectiveInput(state, scope);
        JsonNode args = flow.arguments(state, eff, scope);
        if (args == null) {
            args = def.isJsonata(state) ? Json.object() : eff;
        }
        String[] names = resourceNames(resource);
        c.resourceType = names[0];
        c.resource = names[1];
        ObjectNode scheduled = Json.object();
        scheduled.put("resourceType", names[0]);
        scheduled.put("resource", names[1]);
        scheduled.put("region", region);
        scheduled.put("parameters", Json.write(args));
        if (timeout > 0) {
            scheduled.put("timeoutInSeconds", timeout);
        }
        if (heartbeat > 0) {
            scheduled.put("heartbeatInSeconds", heartbeat);
        }
        events.add(event("TaskScheduled", "taskScheduledEventDetails", scheduled));
        events.add(event("TaskStarted", "taskStartedEventDetails", resourceDetails(c)));
        TaskRequest request = new TaskRequest(resource, resolved.action(), args, token, ctx.executionArn(), c.state);
        if (token != null) {
            JsonNode submitted = resolved.integration().invoke(request);
            ObjectNode d = resourceDetails(c);
            d.put("output", Json.write(submitted == null ? Json.MAPPER.nullNode() : submitted));
            events.add(event("TaskSubmitted", "taskSubmittedEventDetails", d));
            c.submitted = true;
            return Outcome.SUSPEND;
        }
        JsonNode result = invoke(resolved, request, timeout);
        return taskSucceeded(state, flow, c, scope, result, events);
    }

    private JsonNode invoke(Integrations.Resolved resolved, TaskRequest request, long timeoutSeconds) {
        if (timeoutSeconds <= 0) {
            return call(resolved, request);
        }
        Future<JsonNode> f = taskPool.submit(() -> call(resolved, request));
        try {
            return f.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new StatesError("States.Timeout", "Task timed out after " + timeoutSeconds + " seconds");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            throw new StatesError("States.Runtime", "interrupted while the task ran");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StatesError se) {
                throw se;
            }
            throw new StatesError("States.TaskFailed", String.valueOf(e.getCause()));
        }
    }

    private static JsonNode call(Integrations.Resolved resolved, TaskRequest request) {
        try {
            JsonNode r = resolved.integration().invoke(request);
            return r == null ? Json.MAPPER.nullNode() : r;
        } catch (StatesError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StatesError("States.TaskFailed", e.getClass().getName() + ": " + e.getMessage());
        }
    }

    private Outcome taskSucceeded(ObjectNode state, DataFlow flow, Cursor c, Scope scope, JsonNode result,
                                  List<PendingEvent> events) {
        ObjectNode d = resourceDetails(c);
        d.put("output", Json.write(result));
        events.add(event("TaskSucceeded", "taskSucceededEventDetails", d));
        Scope s = scope.withResult(result);
        JsonNode output = flow.output(state, flow.effectiveInput(state, scope), s);
        ObjectNode assigned = flow.assign(state.get("Assign"), s);
        return exit(state, "Task", c, output, assigned, events);
    }

    private Outcome composite(Definition def, ObjectNode state, DataFlow flow, Cursor c, ExecContext ctx, Scope scope,
                              List<PendingEvent> events, boolean map) {
        JsonNode eff = flow.effectiveInput(state, scope);
        ArrayNode results = Json.MAPPER.createArrayNode();
        if (map) {
            if (state.has("ResultWriter")) {
                throw StatesError.runtime("Map ResultWriter is not supported by the local engine (state '" + c.state + "')");
            }
            JsonNode items = state.has("ItemReader") ? readItems(state, flow, eff, scope, ctx, c)
                    : state.has("Items") ? flow.value(state, "Items", scope)
                    : state.has("ItemsPath") ? flow.value(state, "ItemsPath", scope) : eff;
            if (items == null || !items.isArray()) {
                throw new StatesError("States.Runtime", "Map items are not an array in state '" + c.state + "'");
            }
            items = batch(state, flow, eff, scope, (ArrayNode) items);
            JsonNode processor = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.get("Iterator");
            if (processor == null) {
                throw StatesError.runtime("Map state '" + c.state + "' has no ItemProcessor");
            }
            Definition sub = def.nested(processor, state);
            JsonNode selector = state.has("ItemSelector") ? state.get("ItemSelector") : state.get("Parameters");
            long toleratedCount = state.path("ToleratedFailureCount").asLong(-1);
            double toleratedPercent = state.path("ToleratedFailurePercentage").asDouble(-1);
            boolean tolerant = toleratedCount >= 0 || toleratedPercent >= 0;
            int failures = 0;
            events.add(event("MapStateStarted", "mapStateStartedEventDetails", Json.object().put("length", items.size())));
            List<JsonNode> inputs = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                JsonNode itemInput = items.get(i);
                if (selector != null) {
                    ObjectNode context = context(ctx, c, null);
                    ObjectNode item = context.putObject("Map").putObject("Item");
                    item.put("Index", i);
                    item.set("Value", items.get(i));
                    Scope itemScope = new Scope(scope.input(), null, null, scope.variables(), context);
                    itemInput = def.isJsonata(state)
                            ? JsonataEvaluator.template(selector, JsonataFlow.states(itemScope), scope.variables())
                            : JsonPathFlow.INSTANCE.template(selector, eff, itemScope);
                }
                inputs.add(itemInput);
            }
            JsonNode limit = state.has("MaxConcurrency") ? flow.value(state, "MaxConcurrency", scope)
                    : state.has("MaxConcurrencyPath") ? flow.value(state, "MaxConcurrencyPath", scope) : null;
            int maxConcurrency = limit == null ? 0 : limit.asInt(0);
            for (Object outcome : runIterations(sub, inputs, c.variables, ctx, maxConcurrency)) {
                if (outcome instanceof StatesError e) {
                    if (!tolerant) {
                        throw e;
                    }
                    failures++;
                    results.add(Json.object().put("Error", e.error()).put("Cause", e.cause()));
                } else {
                    results.add((JsonNode) outcome);
                }
            }
            if (tolerant && failures > 0) {
                boolean overCount = toleratedCount >= 0 && failures > toleratedCount;
                boolean overPercent = toleratedPercent >= 0 && 100.0 * failures / items.size() > toleratedPercent;
                if ((toleratedCount < 0 || overCount) && (toleratedPercent < 0 || overPercent)) {
                    throw new StatesError("States.ExceedToleratedFailureThreshold", "The specified tolerated failure"
                            + " threshold was exceeded: " + failures + " of " + items.size() + " items failed");
                }
            }
            events.add(event("MapStateSucceeded", null, null));
        } else {
            events.add(event("ParallelStateStarted", null, null));
            for (JsonNode branch : state.path("Branches")) {
                results.add(runSubflow(def.nested(branch, state), eff, c.variables, ctx));
            }
            events.add(event("ParallelStateSucceeded", null, null));
        }
        Scope s = scope.withResult(results);
        JsonNode output = flow.output(state, eff, s);
        ObjectNode assigned = flow.assign(state.get("Assign"), s);
        return exit(state, map ? "Map" : "Parallel", c, output, assigned, events);
    }

    /**
     * A Distributed Map's ItemReader: its resource (for example {@code arn:aws:states:::s3:listObjectsV2})
     * is an integration that receives the reader's Arguments/Parameters plus {@code ReaderConfig} and
     * returns the items as a JSON array, or the object's text, which is parsed by {@code ReaderConfig.InputType}.
     */
    private JsonNode readItems(ObjectNode state, DataFlow flow, JsonNode eff, Scope scope, ExecContext ctx, Cursor c) {
        JsonNode reader = state.get("ItemReader");
        String resource = reader.path("Resource").asText();
        Integrations.Resolved resolved = integrations.resolve(resource);
        JsonNode args;
        if (reader.has("Arguments")) {
            args = JsonataEvaluator.template(reader.get("Arguments"), JsonataFlow.states(scope), scope.variables());
        } else if (reader.has("Parameters")) {
            args = JsonPathFlow.INSTANCE.template(reader.get("Parameters"), eff, scope);
        } else {
            args = Json.object();
        }
        ObjectNode request = args.isObject() ? ((ObjectNode) args).deepCopy() : Json.object();
        if (reader.has("ReaderConfig")) {
            request.set("ReaderConfig", reader.get("ReaderConfig"));
        }
        JsonNode items;
        try {
            items = call(resolved, new TaskRequest(resource, resolved.action(), request, null, ctx.executionArn(), c.state));
        } catch (StatesError e) {
            throw new StatesError("States.ItemReaderFailed", e.error() + ": " + e.cause());
        }
        if (items.isTextual()) {
            items = ItemFormats.parse(items.asText(), reader.path("ReaderConfig"));
        }
        if (!items.isArray()) {
            throw new StatesError("States.ItemReaderFailed", "the ItemReader " + resource + " did not return an array of items");
        }
        long max = reader.path("ReaderConfig").path("MaxItems").asLong(0);
        if (max > 0 && items.size() > max) {
            ArrayNode cut = Json.MAPPER.createArrayNode();
            for (int i = 0; i < max; i++) {
                cut.add(items.get(i));
            }
            return cut;
        }
        return items;
    }

    /** ItemBatcher: groups items into {@code {"Items": [...], "BatchInput": ...}}. */
    private static JsonNode batch(ObjectNode state, DataFlow flow, JsonNode eff, Scope scope, ArrayNode items) {
        JsonNode batcher = state.get("ItemBatcher");
        if (batcher == null) {
            return items;
        }
        int size = batcher.path("MaxItemsPerBatch").asInt(items.size() == 0 ? 1 : items.size());
        if (size < 1) {
            throw StatesError.runtime("ItemBatcher MaxItemsPerBatch must be positive");
        }
        JsonNode batchInput = null;
        if (batcher.has("BatchInput")) {
            batchInput = flow instanceof JsonataFlow
                    ? JsonataEvaluator.template(batcher.get("BatchInput"), JsonataFlow.states(scope), scope.variables())
                    : JsonPathFlow.INSTANCE.template(batcher.get("BatchInput"), eff, scope);
        }
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (int i = 0; i < items.size(); i += size) {
            ObjectNode b = out.addObject();
            ArrayNode chunk = b.putArray("Items");
            for (int j = i; j < Math.min(items.size(), i + size); j++) {
                chunk.add(items.get(j));
            }
            if (batchInput != null) {
                b.set("BatchInput", batchInput);
            }
        }
        return out;
    }

    /**
     * Runs Map iterations, at most {@code maxConcurrency} at a time (0: no limit, bounded by a small
     * local thread cap); each element of the answer is the iteration's output or its {@link StatesError}.
     */
    private List<Object> runIterations(Definition sub, List<JsonNode> inputs, ObjectNode variables, ExecContext ctx,
                                       int maxConcurrency) {
        int threads = Math.min(inputs.size(), maxConcurrency == 0 ? MAX_MAP_THREADS : Math.min(maxConcurrency, MAX_MAP_THREADS));
        List<Object> out = new ArrayList<>(inputs.size());
        if (threads <= 1) {
            for (JsonNode input : inputs) {
                out.add(runIteration(sub, input, variables, ctx));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sfn-map");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Object>> futures = new ArrayList<>(inputs.size());
            for (JsonNode input : inputs) {
                futures.add(pool.submit(() -> runIteration(sub, input, variables, ctx)));
            }
            for (Future<Object> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StatesError.runtime("interrupted while Map iterations ran");
        } catch (ExecutionException e) {
            throw new StatesError("States.Runtime", "Map iteration crashed: " + e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Object runIteration(Definition sub, JsonNode input, ObjectNode variables, ExecContext ctx) {
        try {
            return runSubflow(sub, input, variables, ctx);
        } catch (StatesError e) {
            return e;
        }
    }

    /** Runs a Map iteration or Parallel branch to its end in this thread; its events are not kept. */
    private JsonNode runSubflow(Definition sub, JsonNode input, ObjectNode outerVariables, ExecContext ctx) {
        Cursor c = Cursor.at(sub.startAt(), input, outerVariables.deepCopy());
        List<PendingEvent> sink = new ArrayList<>();
        Host noCallbacks = (cursor, ev) -> {
            throw StatesError.runtime(".waitForTaskToken inside Map or Parallel is not supported by the local engine");
        };
        while (true) {
            sink.clear();
            Outcome o = step(sub, c, ctx, noCallbacks, sink);
            switch (o.kind()) {
                case SUCCEEDED:
                    return o.output();
                case FAILED:
                    throw new StatesError(o.error(), o.cause());
                case SUSPEND:
                    sleepUntil(c.wakeAt);
                    break;
                default:
                    break;
            }
        }
    }

    private void sleepUntil(long wakeAt) {
        long remaining;
        while ((remaining = wakeAt - clock.millis()) > 0) {
            try {
                Thread.sleep(Math.min(remaining, 20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw StatesError.runtime("interrupted while waiting");
            }
        }
    }

    private Outcome handleError(ObjectNode state, String type, DataFlow flow, Cursor c, Scope scope, StatesError e,
                                Host host, List<PendingEvent> events) {
        if ("Task".equals(type) && c.resource != null) {
            ObjectNode d = resourceDetails(c);
            d.put("error", e.error());
            d.put("cause", e.cause());
            boolean timedOut = "States.Timeout".equals(e.error()) || "States.HeartbeatTimeout".equals(e.error());
            events.add(event(timedOut ? "TaskTimedOut" : "TaskFailed",
                    timedOut ? "taskTimedOutEventDetails" : "taskFailedEventDetails", d));
        }
        c.tokenHash = null;
        c.phase = Cursor.READY;
        boolean retriable = List.of("Task", "Map", "Parallel").contains(type);
        if (!retriable || "States.DataLimitExceeded".equals(e.error())) {
            return Outcome.failed(e.error(), e.cause());
        }
        JsonNode retriers = state.path("Retry");
        for (int i = 0; i < retriers.size(); i++) {
            JsonNode r = retriers.get(i);
            if (ErrorMatcher.matches(r.path("ErrorEquals"), e.error())) {
                int attempts = c.retries.getOrDefault(Integer.toString(i), 0);
                if (attempts < r.path("MaxAttempts").asInt(3)) {
                    double delay = r.path("IntervalSeconds").asDouble(1) * Math.pow(r.path("BackoffRate").asDouble(2.0), attempts);
                    if (r.has("MaxDelaySeconds")) {
                        delay = Math.min(delay, r.get("MaxDelaySeconds").asDouble());
                    }
                    if ("FULL".equals(r.path("JitterStrategy").asText())) {
                        delay = ThreadLocalRandom.current().nextDouble() * delay;
                    }
                    c.retries.put(Integer.toString(i), attempts + 1);
                    c.retryCount++;
                    c.phase = Cursor.TIMER;
                    c.resume = Cursor.RESUME_RETRY;
                    c.wakeAt = clock.millis() + (long) (delay * 1000);
                    return Outcome.SUSPEND;
                }
                break;
            }
        }
        for (JsonNode catcher : state.path("Catch")) {
            if (ErrorMatcher.matches(catcher.path("ErrorEquals"), e.error())) {
                ObjectNode errorOutput = Json.object();
                errorOutput.put("Error", e.error());
                errorOutput.put("Cause", e.cause());
                Scope s = scope.withError(errorOutput);
                try {
                    JsonNode output = flow.catchOutput((ObjectNode) catcher, s);
                    ObjectNode assigned = flow.assign(catcher.get("Assign"), s);
                    return exitTo(state, type, c, output, assigned, catcher.path("Next").asText(), events);
                } catch (StatesError inner) {
                    return Outcome.failed(inner.error(), inner.cause());
                }
            }
        }
        return Outcome.failed(e.error(), e.cause());
    }

    private Outcome exit(ObjectNode state, String type, Cursor c, JsonNode output, ObjectNode assigned,
                         List<PendingEvent> events) {
        String next = state.path("Next").asText(null);
        if ("Succeed".equals(type) || state.path("End").asBoolean(false)) {
            next = null;
        } else if (next == null) {
            return Outcome.failed("States.Runtime", "state '" + c.state + "' has neither Next nor End");
        }
        return exitTo(state, type, c, output, assigned, next, events);
    }

    private Outcome exitTo(ObjectNode state, String type, Cursor c, JsonNode output, ObjectNode assigned, String next,
                           List<PendingEvent> events) {
        String text = Json.write(output);
        if (Json.utf8Length(text) > MAX_PAYLOAD_BYTES) {
            return Outcome.failed("States.DataLimitExceeded", "The state/task '" + c.state
                    + "' returned a result with a size exceeding the maximum number of bytes service limit.");
        }
        ObjectNode d = Json.object();
        d.put("name", c.state);
        d.put("output", text);
        if (assigned != null && !assigned.isEmpty()) {
            ObjectNode vars = d.putObject("assignedVariables");
            assigned.fields().forEachRemaining(e -> vars.put(e.getKey(), Json.write(e.getValue())));
            c.variables.setAll(assigned);
        }
        events.add(event(type + "StateExited", "stateExitedEventDetails", d));
        if (next == null) {
            c.phase = Cursor.READY;
            return Outcome.succeeded(output);
        }
        c.moveTo(next, output);
        return Outcome.NEXT;
    }

    private static long seconds(JsonNode value, String field) {
        if (value == null) {
            return 0;
        }
        if (!value.isNumber() || value.asLong() < 1 || value.asDouble() != Math.rint(value.asDouble())) {
            throw new StatesError("States.Runtime", field + " must be a positive integer, got " + value);
        }
        return value.asLong();
    }

    private ObjectNode context(ExecContext ctx, Cursor c, String token) {
        ObjectNode context = Json.object();
        ObjectNode ex = context.putObject("Execution");
        ex.put("Id", ctx.executionArn());
        ex.set("Input", ctx.input());
        ex.put("Name", ctx.name());
        ex.put("RoleArn", ctx.roleArn());
        ex.put("StartTime", ctx.startTime().toString());
        ex.put("RedriveCount", ctx.redriveCount());
        ObjectNode st = context.putObject("State");
        st.put("EnteredTime", Instant.ofEpochMilli(c.enteredAt == 0 ? clock.millis() : c.enteredAt).toString());
        st.put("Name", c.state);
        st.put("RetryCount", c.retryCount);
        ObjectNode sm = context.putObject("StateMachine");
        sm.put("Id", ctx.stateMachineArn());
        sm.put("Name", ctx.stateMachineName());
        if (token != null) {
            context.putObject("Task").put("Token", token);
        }
        return context;
    }

    private static String[] resourceNames(String resource) {
        if (resource.startsWith(Integrations.STATES_PREFIX)) {
            String rest = resource.substring(Integrations.STATES_PREFIX.length());
            int colon = rest.lastIndexOf(':');
            return new String[] {rest.substring(0, colon), rest.substring(colon + 1)};
        }
        return new String[] {"lambda", resource};
    }

    private static ObjectNode resourceDetails(Cursor c) {
        ObjectNode d = Json.object();
        d.put("resourceType", c.resourceType);
        d.put("resource", c.resource);
        return d;
    }

    private PendingEvent event(String type, String key, ObjectNode details) {
        return new PendingEvent(type, key, details, clock.millis());
    }
}
