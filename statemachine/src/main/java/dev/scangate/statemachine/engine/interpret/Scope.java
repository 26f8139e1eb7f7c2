package dev.scangate.statemachine.engine.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What expressions can see while a state runs: its raw input, its result (or error output in a
 * Catch), the variables as they were when the state began, and the context object.
 */
record Scope(JsonNode input, JsonNode result, JsonNode errorOutput, ObjectNode variables, ObjectNode context) {

    Scope withResult(JsonNode r) {
        return new Scope(input, r, errorOutput, variables, context);
    }

    Scope withError(JsonNode e) {
        return new Scope(input, result, e, variables, context);
    }
}
