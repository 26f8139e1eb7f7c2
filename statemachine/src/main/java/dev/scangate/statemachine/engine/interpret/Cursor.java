package dev.scangate.statemachine.engine.interpret;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.statemachine.engine.Json;
import java.util.HashMap;
import java.util.Map;

/**
 * Where an execution stands, persisted after every transition: the current state, its raw input,
 * the variables and what the state is waiting for. Mutable because the interpreter advances it in
 * place; it is serialised as one JSON document.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class Cursor {

    public static final String READY = "READY";
    public static final String TIMER = "TIMER";
    public static final String TOKEN = "TOKEN";
    public static final String RESUME_WAIT = "WAIT";
    public static final String RESUME_RETRY = "RETRY";

    public String state;
    public JsonNode input;
    public ObjectNode variables = Json.object();
    public Map<String, Integer> retries = new HashMap<>();
    public int retryCount;
    public String phase = READY;
    public boolean entered;
    public long enteredAt;
    public long wakeAt;
    public String resume;
    public JsonNode pendingOutput;
    public ObjectNode pendingAssign;
    public String tokenHash;
    public long timeoutAt;
    public long executionDeadline;
    public long heartbeatSeconds;
    public boolean submitted;
    public String resourceType;
    public String resource;

    public static Cursor at(String state, JsonNode input, ObjectNode variables) {
        Cursor c = new Cursor();
        c.state = state;
        c.input = input;
        c.variables = variables == null ? Json.object() : variables;
        return c;
    }

    /** Moves to the next state with a fresh per-state bookkeeping. */
    public void moveTo(String next, JsonNode nextInput) {
        state = next;
        input = nextInput;
        retries = new HashMap<>();
        retryCount = 0;
        phase = READY;
        entered = false;
        wakeAt = 0;
        resume = null;
        pendingOutput = null;
        pendingAssign = null;
        tokenHash = null;
        timeoutAt = 0;
    }

    public String toJson() {
        return Json.write(this);
    }

    public static Cursor fromJson(String json) {
        try {
            return Json.MAPPER.readValue(json, Cursor.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("corrupt execution cursor: " + e.getMessage(), e);
        }
    }
}
