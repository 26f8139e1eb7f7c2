package dev.scangate.statemachine.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.statemachine.definition.AslProblem;
import dev.scangate.statemachine.definition.AslValidator;
import dev.scangate.statemachine.engine.integration.Integrations;
import dev.scangate.statemachine.engine.interpret.Cursor;
import dev.scangate.statemachine.engine.interpret.Definition;
import dev.scangate.statemachine.engine.interpret.ExecContext;
import dev.scangate.statemachine.engine.interpret.Host;
import dev.scangate.statemachine.engine.interpret.Interpreter;
import dev.scangate.statemachine.engine.interpret.Outcome;
import dev.scangate.statemachine.engine.interpret.PendingEvent;
import dev.scangate.statemachine.engine.store.EngineStore;
import dev.scangate.statemachine.engine.store.ExecutionRow;
import dev.scangate.statemachine.engine.store.TokenRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The local Step Functions engine: state machines, durable executions, history and callbacks.
 * Every transition is stored before the next one starts; {@link #start()} resumes whatever was
 * running when the process last stopped, including waits and executions waiting for a callback.
 */
public final class Engine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final Pattern NAME = Pattern.compile("[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\x00-\\x1f\\x7f-\\x9f]{1,80}");
    private static final Pattern TOKEN = Pattern.compile("AQ[A-Za-z0-9+/]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Step Functions' history ceiling: an execution that reaches it fails. */
    public static final int MAX_HISTORY_EVENTS = 25_000;
    private static final String TIMED_OUT_MESSAGE = "Task Timed Out: 'Provided task does not exist anymore'";

    private final Path dataDirectory;
    private final Clock clock;
    private final String region;
    private final String accountId;
    private final int workers;
    private final Interpreter interpreter;
    private final Consumer<ExecutionInfo> statusListener;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<String, Definition> definitions = new ConcurrentHashMap<>();
    private volatile EngineStore store;
    private ExecutorService pool;
    private Timers timers;
    private volatile boolean closing;

    private Engine(Builder b) {
        this.dataDirectory = b.dataDirectory;
        this.clock = b.clock;
        this.region = b.region;
        this.accountId = b.accountId;
        this.workers = b.workers;
        this.interpreter = new Interpreter(b.integrations, clock, region);
        this.statusListener = b.statusListener;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Opens the database and resumes every running execution. */
    public synchronized Engine start() {
        closing = false;
        store = EngineStore.open(dataDirectory);
        pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "sfn-worker");
            t.setDaemon(true);
            return t;
        });
        timers = new Timers(clock, this::submit);
        timers.start();
        for (String arn : store.runningExecutionArns()) {
            submit(arn);
        }
        return this;
    }

    /** Stops running; executions stay stored as they are and resume on the next start. */
    @Override
    public synchronized void close() {
        if (store == null) {
            return;
        }
        closing = true;
        timers.close();
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        interpreter.close();
        store.close();
        store = null;
    }

    public String region() {
        return region;
    }

    public String accountId() {
        return accountId;
    }

    // ---------------------------------------------------------------- state machines

    public String stateMachineArn(String name) {
        return "arn:aws:states:" + region + ":" + accountId + ":stateMachine:" + name;
    }

    public StateMachineInfo createStateMachine(String name, String definition, String roleArn, String type) {
        checkName(name);
        validate(definition);
        if (type != null && !"STANDARD".equals(type)) {
            throw new EngineException(EngineError.VALIDATION, "only STANDARD state machines run locally, not " + type);
        }
        String arn = stateMachineArn(name);
        synchronized (this) {
            var existing = store().findStateMachine(arn);
            if (existing.isPresent()) {
                if (existing.get().definition().equals(definition) && Objects.equals(existing.get().roleArn(), roleArn)) {
                    return existing.get();
                }
                throw new EngineException(EngineError.STATE_MACHINE_ALREADY_EXISTS,
                        "State Machine Already Exists: '" + arn + "'");
            }
            Instant now = clock.instant();
            StateMachineInfo sm = new StateMachineInfo(arn, name, definition, roleArn, "STANDARD", now, now);
            store.insertStateMachine(sm);
            return sm;
        }
    }

    public StateMachineInfo updateStateMachine(String arn, String definition, String roleArn) {
        StateMachineInfo sm = describeStateMachine(arn);
        if (definition != null) {
            validate(definition);
        }
        StateMachineInfo updated = new StateMachineInfo(sm.arn(), sm.name(), definition == null ? sm.definition() : definition,
                roleArn == null ? sm.roleArn() : roleArn, sm.type(), sm.creationDate(), clock.instant());
        store.updateStateMachine(updated);
        return updated;
    }

    public StateMachineInfo describeStateMachine(String arn) {
        checkArn(arn, ":stateMachine:");
        return store().findStateMachine(arn).orElseThrow(() -> new EngineException(
                EngineError.STATE_MACHINE_DOES_NOT_EXIST, "State Machine Does Not Exist: '" + arn + "'"));
    }

    public List<StateMachineInfo> listStateMachines() {
        return store().listStateMachines();
    }

    public void deleteStateMachine(String arn) {
        checkArn(arn, ":stateMachine:");
        store.deleteStateMachine(arn);
    }

    private static void validate(String definition) {
        List<AslProblem> problems = AslValidator.validate(definition);
        if (!problems.isEmpty()) {
            StringBuilder sb = new StringBuilder("Invalid State Machine Definition: ");
            for (int i = 0; i < problems.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(problems.get(i));
            }
            throw new EngineException(EngineError.INVALID_DEFINITION, sb.toString());
        }
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new EngineException(EngineError.INVALID_NAME, "Invalid Name: '" + name
                    + "' (1-80 characters, no whitespace, brackets, wildcards or special characters)");
        }
    }

    private static void checkArn(String arn, String kind) {
        if (arn == null || !arn.startsWith("arn:aws:states:") || !arn.contains(kind)) {
            throw new EngineException(EngineError.INVALID_ARN, "Invalid Arn: '" + arn + "'");
        }
    }

    // ---------------------------------------------------------------- executions

    /** Starts an execution; the same name and input while it runs returns the running one. */
    public ExecutionInfo startExecution(String stateMachineArn, String name, String input) {
        StateMachineInfo sm = describeStateMachine(stateMachineArn);
        String execName = name == null || name.isEmpty() ? UUID.randomUUID().toString() : name;
        checkName(execName);
        String inputText = input == null ? "{}" : input;
        JsonNode inputNode;
        try {
            inputNode = Json.parse(inputText);
        } catch (IllegalArgumentException e) {
            throw new EngineException(EngineError.INVALID_EXECUTION_INPUT, "Invalid State Machine Execution Input: '"
                    + e.getMessage() + "'");
        }
        if (Json.utf8Length(inputText) > Interpreter.MAX_PAYLOAD_BYTES) {
            throw new EngineException(EngineError.INVALID_EXECUTION_INPUT, "input exceeds 262144 bytes");
        }
        String arn = "arn:aws:states:" + region + ":" + accountId + ":execution:" + sm.name() + ":" + execName;
        synchronized (this) {
            var existing = store().findExecution(arn);
            if (existing.isPresent()) {
                ExecutionRow row = existing.get();
                if (row.status() == ExecutionStatus.RUNNING && Json.parse(row.input()).equals(inputNode)) {
                    return info(row);
                }
                throw new EngineException(EngineError.EXECUTION_ALREADY_EXISTS, "Execution Already Exists: '" + arn + "'");
            }
            Definition def = Definition.parse(sm.definition());
            long now = clock.millis();
            Cursor cursor = Cursor.at(def.startAt(), inputNode, Json.object());
            if (def.timeoutSeconds() > 0) {
                cursor.executionDeadline = now + def.timeoutSeconds() * 1000;
            }
            ObjectNode d = Json.object();
            d.put("input", Json.write(inputNode));
            d.putObject("inputDetails").put("truncated", false);
            d.put("roleArn", sm.roleArn());
            d.put("stateMachineArn", sm.arn());
            ExecutionRow row = new ExecutionRow(arn, sm.arn(), execName, ExecutionStatus.RUNNING, Json.write(inputNode),
                    null, null, null, now, 0, sm.definition(), sm.roleArn(), 0, 0, cursor.toJson());
            store.insertExecution(row, List.of(new PendingEvent("ExecutionStarted", "executionStartedEventDetails", d, now)));
            notifyStatus(row);
            submit(arn);
            return info(row);
        }
    }

    public ExecutionInfo describeExecution(String executionArn) {
        return info(row(executionArn));
    }

    /** Executions of a state machine, newest first, optionally only those with a status. */
    public List<ExecutionInfo> listExecutions(String stateMachineArn, ExecutionStatus status) {
        describeStateMachine(stateMachineArn);
        List<ExecutionInfo> out = new ArrayList<>();
        for (ExecutionRow r : store.listExecutions(stateMachineArn)) {
            if (status == null || r.status() == status) {
                out.add(info(r));
            }
        }
        return out;
    }

    public List<HistoryEvent> history(String executionArn) {
        row(executionArn);
        return store.history(executionArn);
    }

    public Instant stopExecution(String executionArn, String error, String cause) {
        ReentrantLock lock = lock(executionArn);
        lock.lock();
        try {
            ExecutionRow r = row(executionArn);
            if (r.status() != ExecutionStatus.RUNNING) {
                return Instant.ofEpochMilli(r.stopMillis());
            }
            Cursor c = Cursor.fromJson(r.cursor());
            ObjectNode d = Json.object();
            if (error != null) {
                d.put("error", error);
            }
            if (cause != null) {
                d.put("cause", cause);
            }
            long now = clock.millis();
            close(r, c, ExecutionStatus.ABORTED, null, error, cause, now,
                    new ArrayList<>(List.of(new PendingEvent("ExecutionAborted", "executionAbortedEventDetails", d, now))));
            return Instant.ofEpochMilli(now);
        } finally {
            lock.unlock();
        }
    }

    /** Re-runs a failed, aborted or timed-out execution from the state that did not succeed. */
    public Instant redriveExecution(String executionArn) {
        ReentrantLock lock = lock(executionArn);
        lock.lock();
        try {
            ExecutionRow r = row(executionArn);
            if (r.status() == ExecutionStatus.RUNNING || r.status() == ExecutionStatus.SUCCEEDED) {
                throw new EngineException(EngineError.EXECUTION_NOT_REDRIVABLE,
                        "Execution is " + r.status() + " and cannot be redriven");
            }
            if (store.eventCount(executionArn) >= MAX_HISTORY_EVENTS - 1) {
                throw new EngineException(EngineError.EXECUTION_NOT_REDRIVABLE, "Execution history event limit exceeded");
            }
            Cursor c = Cursor.fromJson(r.cursor());
            String failedState = c.state;
            c.moveTo(failedState, c.input);
            long now = clock.millis();
            Definition def = definition(r);
            c.executionDeadline = def.timeoutSeconds() > 0 ? now + def.timeoutSeconds() * 1000 : 0;
            int count = r.redriveCount() + 1;
            ObjectNode d = Json.object().put("redriveCount", count);
            ExecutionRow running = new ExecutionRow(r.arn(), r.stateMachineArn(), r.name(), ExecutionStatus.RUNNING,
                    r.input(), null, null, null, r.startMillis(), 0, r.definition(), r.roleArn(), count, now, c.toJson());
            store.saveProgress(running, List.of(new PendingEvent("ExecutionRedriven", "executionRedrivenEventDetails", d, now)),
                    List.of());
            notifyStatus(running);
            submit(executionArn);
            return Instant.ofEpochMilli(now);
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- callbacks

    public void sendTaskSuccess(String taskToken, String output) {
        String hash = checkToken(taskToken);
        if (output == null) {
            throw new EngineException(EngineError.VALIDATION, "output is required");
        }
        try {
            Json.parse(output);
        } catch (IllegalArgumentException e) {
            throw new EngineException(EngineError.INVALID_OUTPUT, "Invalid Output: '" + e.getMessage() + "'");
        }
        if (Json.utf8Length(output) > Interpreter.MAX_PAYLOAD_BYTES) {
            throw new EngineException(EngineError.INVALID_OUTPUT, "output exceeds 262144 bytes");
        }
        complete(hash, "SUCCESS", output, null, null);
    }

    public void sendTaskFailure(String taskToken, String error, String cause) {
        String hash = checkToken(taskToken);
        if (error != null && error.length() > 256) {
            throw new EngineException(EngineError.VALIDATION, "error is longer than 256 characters");
        }
        if (cause != null && cause.length() > 32_768) {
            throw new EngineException(EngineError.VALIDATION, "cause is longer than 32768 characters");
        }
        complete(hash, "FAILURE", null, error, cause);
    }

    public void sendTaskHeartbeat(String taskToken) {
        String hash = checkToken(taskToken);
        TokenRow t = store().findToken(hash).orElseThrow(() -> new EngineException(EngineError.TASK_TIMED_OUT, TIMED_OUT_MESSAGE));
        if (t.resultKind() != null) {
            throw new EngineException(EngineError.TASK_TIMED_OUT, TIMED_OUT_MESSAGE);
        }
        Cursor c = Cursor.fromJson(row(t.executionArn()).cursor());
        long next = c.heartbeatSeconds > 0 ? clock.millis() + c.heartbeatSeconds * 1000 : Long.MAX_VALUE;
        if (!store.heartbeat(hash, next)) {
            throw new EngineException(EngineError.TASK_TIMED_OUT, TIMED_OUT_MESSAGE);
        }
        if (next != Long.MAX_VALUE) {
            timers.schedule(t.executionArn(), next);
        }
    }

    private void complete(String hash, String kind, String output, String error, String cause) {
        TokenRow t = store().findToken(hash).orElseThrow(() -> new EngineException(EngineError.TASK_TIMED_OUT, TIMED_OUT_MESSAGE));
        if (!store.completeToken(hash, kind, output, error, cause)) {
            throw new EngineException(EngineError.TASK_TIMED_OUT, TIMED_OUT_MESSAGE);
        }
        submit(t.executionArn());
    }

    private static String checkToken(String token) {
        if (token == null || token.length() > 2048 || !TOKEN.matcher(token).matches()) {
            throw new EngineException(EngineError.INVALID_TOKEN, "Invalid Token: the task token is malformed");
        }
        return hash(token);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return "AQ" + Base64.getEncoder().encodeToString(bytes);
    }

    // ---------------------------------------------------------------- running

    /** Blocks until the execution is closed or the wait elapses; returns its latest description. */
    public ExecutionInfo awaitClosed(String executionArn, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        ExecutionInfo info = describeExecution(executionArn);
        while (info.status() == ExecutionStatus.RUNNING && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return info;
            }
            info = describeExecution(executionArn);
        }
        return info;
    }

    private void submit(String executionArn) {
        ExecutorService p = pool;
        if (p != null && !p.isShutdown()) {
            try {
                p.execute(() -> drive(executionArn));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("engine stopping; {} resumes on the next start", executionArn);
            }
        }
    }

    private void drive(String arn) {
        ReentrantLock lock = lock(arn);
        lock.lock();
        try {
            ExecutionRow r = store.findExecution(arn).orElse(null);
            if (r == null || r.status() != ExecutionStatus.RUNNING) {
                return;
            }
            MDC.put("runId", runId(r));
            advance(r);
        } catch (Abandoned e) {
            LOG.debug("{} left for the next start", arn);
        } catch (RuntimeException e) {
            if (!closing) {
                LOG.error("execution {} could not advance", arn, e);
            }
        } finally {
            MDC.remove("runId");
            lock.unlock();
        }
    }

    /** The pipeline's run id: the input's {@code id} when it is a non-empty string, else the execution name. */
    private static String runId(ExecutionRow r) {
        try {
            JsonNode id = Json.parse(r.input()).get("id");
            if (id != null && id.isTextual() && !id.asText().isEmpty()) {
                return id.asText();
            }
        } catch (IllegalArgumentException e) {
            return r.name();
        }
        return r.name();
    }

    private void advance(ExecutionRow r) {
        Definition def = definition(r);
        Cursor c = Cursor.fromJson(r.cursor());
        ExecContext ctx = new ExecContext(r.arn(), r.name(), Json.parse(r.input()), Instant.ofEpochMilli(r.startMillis()),
                r.roleArn(), r.stateMachineArn(), r.stateMachineArn().substring(r.stateMachineArn().lastIndexOf(':') + 1),
                r.redriveCount());
        while (!Thread.currentThread().isInterrupted()) {
            List<PendingEvent> events = new ArrayList<>();
            long now = clock.millis();
            if (c.executionDeadline > 0 && now >= c.executionDeadline) {
                ObjectNode d = Json.object().put("error", "States.Timeout").put("cause", "The execution timed out");
                events.add(new PendingEvent("ExecutionTimedOut", "executionTimedOutEventDetails", d, now));
                close(r, c, ExecutionStatus.TIMED_OUT, null, "States.Timeout", "The execution timed out", now, events);
                return;
            }
            Outcome o;
            if (Cursor.TOKEN.equals(c.phase)) {
                o = resumeCallback(r, def, c, ctx, events, now);
                if (o == null) {
                    return;
                }
            } else {
                o = interpreter.step(def, c, ctx, host(r), events);
            }
            switch (o.kind()) {
                case NEXT -> {
                    if (save(r, c, events) >= MAX_HISTORY_EVENTS - 1) {
                        String cause = "The execution reached the maximum number of history events ("
                                + MAX_HISTORY_EVENTS + ").";
                        ObjectNode d = Json.object().put("error", "States.Runtime").put("cause", cause);
                        List<PendingEvent> last = new ArrayList<>(List.of(
                                new PendingEvent("ExecutionFailed", "executionFailedEventDetails", d, clock.millis())));
                        close(r, c, ExecutionStatus.FAILED, null, "States.Runtime", cause, clock.millis(), last);
                        return;
                    }
                }
                case SUSPEND -> {
                    save(r, c, events);
                    if (Cursor.TOKEN.equals(c.phase)) {
                        continue;
                    }
                    long due = c.executionDeadline > 0 ? Math.min(c.wakeAt, c.executionDeadline) : c.wakeAt;
                    timers.schedule(r.arn(), due);
                    return;
                }
                case SUCCEEDED -> {
                    ObjectNode d = Json.object();
                    d.put("output", Json.write(o.output()));
                    d.putObject("outputDetails").put("truncated", false);
                    events.add(new PendingEvent("ExecutionSucceeded", "executionSucceededEventDetails", d, clock.millis()));
                    close(r, c, ExecutionStatus.SUCCEEDED, Json.write(o.output()), null, null, clock.millis(), events);
                    return;
                }
                case FAILED -> {
                    ObjectNode d = Json.object();
                    if (o.error() != null) {
                        d.put("error", o.error());
                    }
                    if (o.cause() != null) {
                        d.put("cause", o.cause());
                    }
                    events.add(new PendingEvent("ExecutionFailed", "executionFailedEventDetails", d, clock.millis()));
                    close(r, c, ExecutionStatus.FAILED, null, o.error(), o.cause(), clock.millis(), events);
                    return;
                }
                default -> throw new IllegalStateException("unknown outcome " + o.kind());
            }
        }
    }

    /** A waiting callback task: its result, its timeout, or null when it keeps waiting. */
    private Outcome resumeCallback(ExecutionRow r, Definition def, Cursor c, ExecContext ctx, List<PendingEvent> events,
                                   long now) {
        Host host = host(r);
        if (!c.submitted) {
            // The process stopped between issuing the token and invoking the resource: invoke again with a new token.
            store.closeOpenToken(c.tokenHash);
            c.phase = Cursor.READY;
            return interpreter.step(def, c, ctx, host, events);
        }
        TokenRow t = store.findToken(c.tokenHash).orElseThrow(() -> new IllegalStateException("token row missing"));
        if ("SUCCESS".equals(t.resultKind())) {
            return interpreter.callbackSucceeded(def, c, ctx, Json.parse(t.output()), host, events);
        }
        if ("FAILURE".equals(t.resultKind())) {
            return interpreter.callbackFailed(def, c, ctx, new StatesError(t.error(), t.cause()), host, events);
        }
        String timeout = null;
        if (c.heartbeatSeconds > 0 && now >= t.heartbeatAt()) {
            timeout = "States.HeartbeatTimeout";
        } else if (now >= c.timeoutAt) {
            timeout = "States.Timeout";
        }
        if (timeout == null) {
            long due = Math.min(c.timeoutAt, c.heartbeatSeconds > 0 ? t.heartbeatAt() : Long.MAX_VALUE);
            timers.schedule(r.arn(), c.executionDeadline > 0 ? Math.min(due, c.executionDeadline) : due);
            return null;
        }
        if (!store.closeOpenToken(c.tokenHash)) {
            return resumeCallback(r, def, c, ctx, events, now);
        }
        return interpreter.callbackFailed(def, c, ctx, new StatesError(timeout,
                "The task did not report back in time (" + timeout + ")"), host, events);
    }

    private Host host(ExecutionRow r) {
        return (cursor, events) -> {
            String token = newToken();
            cursor.tokenHash = hash(token);
            long hb = cursor.heartbeatSeconds > 0 ? clock.millis() + cursor.heartbeatSeconds * 1000 : Long.MAX_VALUE;
            store.insertToken(cursor.tokenHash, r.arn(), hb);
            save(r, cursor, events);
            events.clear();
            return token;
        };
    }

    private long save(ExecutionRow r, Cursor c, List<PendingEvent> events) {
        abandonIfClosing();
        return store.saveProgress(withCursor(r, ExecutionStatus.RUNNING, null, null, null, 0, c), events, List.of());
    }

    private void close(ExecutionRow r, Cursor c, ExecutionStatus status, String output, String error, String cause,
                       long stopMillis, List<PendingEvent> events) {
        abandonIfClosing();
        List<String> tokens = c.tokenHash == null ? List.of() : List.of(c.tokenHash);
        ExecutionRow closed = withCursor(r, status, output, error, cause, stopMillis, c);
        store.saveProgress(closed, events, tokens);
        LOG.info("execution {} {}", r.name(), status);
        notifyStatus(closed);
    }

    /** Status changes for the outside world (EventBridge "Step Functions Execution Status Change", consoles). */
    private void notifyStatus(ExecutionRow row) {
        try {
            statusListener.accept(info(row));
        } catch (RuntimeException e) {
            LOG.warn("execution status listener failed for {}", row.name(), e);
        }
    }

    /** A step cut short by shutdown is not recorded, so the next start re-runs it from the stored cursor. */
    private void abandonIfClosing() {
        if (closing) {
            throw new Abandoned();
        }
    }

    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super("engine closing", null, false, false);
        }
    }

    private static ExecutionRow withCursor(ExecutionRow r, ExecutionStatus status, String output, String error,
                                           String cause, long stop, Cursor c) {
        return new ExecutionRow(r.arn(), r.stateMachineArn(), r.name(), status, r.input(), output, error, cause,
                r.startMillis(), stop, r.definition(), r.roleArn(), r.redriveCount(), r.redriveMillis(), c.toJson());
    }

    private Definition definition(ExecutionRow r) {
        if (definitions.size() > 1000) {
            definitions.clear();
        }
        return definitions.computeIfAbsent(r.arn() + "#" + r.definition().hashCode(), k -> Definition.parse(r.definition()));
    }

    private ReentrantLock lock(String arn) {
        return locks.computeIfAbsent(arn, k -> new ReentrantLock());
    }

    private EngineStore store() {
        EngineStore s = store;
        if (s == null) {
            throw new IllegalStateException("the Step Functions engine is not running");
        }
        return s;
    }

    private ExecutionRow row(String arn) {
        checkArn(arn, ":execution:");
        return store().findExecution(arn).orElseThrow(() -> new EngineException(EngineError.EXECUTION_DOES_NOT_EXIST,
                "Execution Does Not Exist: '" + arn + "'"));
    }

    private static ExecutionInfo info(ExecutionRow r) {
        return new ExecutionInfo(r.arn(), r.stateMachineArn(), r.name(), r.status(), r.input(), r.output(), r.error(),
                r.cause(), Instant.ofEpochMilli(r.startMillis()), r.stopMillis() == 0 ? null : Instant.ofEpochMilli(r.stopMillis()),
                r.redriveCount(), r.redriveMillis() == 0 ? null : Instant.ofEpochMilli(r.redriveMillis()));
    }

    public static final class Builder {
        private Path dataDirectory;
        private Clock clock = Clock.systemUTC();
        private String region = "us-east-1";
        private String accountId = "000000000000";
        private int workers = 4;
        private Integrations integrations = Integrations.builder().build();
        private Consumer<ExecutionInfo> statusListener = info -> { };

        private Builder() {
        }

        /** Where the database lives; without one the engine keeps everything in memory. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId, "accountId");
            return this;
        }

        public Builder workers(int workers) {
            this.workers = workers;
            return this;
        }

        public Builder integrations(Integrations integrations) {
            this.integrations = Objects.requireNonNull(integrations, "integrations");
            return this;
        }

        /**
         * Told when an execution starts (and is redriven) and when it closes, after the change is stored;
         * it runs on the engine's thread, so it should be quick, and what it throws is logged, not propagated.
         */
        public Builder statusListener(Consumer<ExecutionInfo> statusListener) {
            this.statusListener = Objects.requireNonNull(statusListener, "statusListener");
            return this;
        }

        public Engine build() {
            return new Engine(this);
        }
    }
}
