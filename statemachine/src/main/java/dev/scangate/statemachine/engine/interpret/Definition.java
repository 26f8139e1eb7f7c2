package dev.scangate.statemachine.engine.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.statemachine.engine.Json;
import dev.scangate.statemachine.engine.StatesError;

/** A parsed state machine (or a Map/Parallel sub-workflow) and the query language its states inherit. */
public record Definition(ObjectNode root, String queryLanguage) {

    public static final String JSONATA = "JSONata";
    public static final String JSONPATH = "JSONPath";

    public static Definition parse(String text) {
        JsonNode node = Json.parse(text);
        if (!node.isObject()) {
            throw new IllegalArgumentException("a state machine definition is a JSON object");
        }
        return new Definition((ObjectNode) node, node.path("QueryLanguage").asText(JSONPATH));
    }

    /** A Map ItemProcessor / Iterator or a Parallel branch. */
    public Definition nested(JsonNode workflow, ObjectNode owner) {
        String inherited = owner.path("QueryLanguage").asText(queryLanguage);
        return new Definition((ObjectNode) workflow, workflow.path("QueryLanguage").asText(inherited));
    }

    public String startAt() {
        return root.path("StartAt").asText();
    }

    public ObjectNode state(String name) {
        JsonNode s = root.path("States").get(name);
        if (s == null || !s.isObject()) {
            throw StatesError.runtime("no state named '" + name + "'");
        }
        return (ObjectNode) s;
    }

    public boolean isJsonata(ObjectNode state) {
        return JSONATA.equals(state.path("QueryLanguage").asText(queryLanguage));
    }

    DataFlow flow(ObjectNode state) {
        return isJsonata(state) ? JsonataFlow.INSTANCE : JsonPathFlow.INSTANCE;
    }

    /** The workflow-level TimeoutSeconds, or 0 for none. */
    public long timeoutSeconds() {
        return root.path("TimeoutSeconds").asLong(0);
    }
}
