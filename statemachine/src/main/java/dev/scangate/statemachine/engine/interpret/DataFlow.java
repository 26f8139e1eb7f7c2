package dev.scangate.statemachine.engine.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** How a query language moves data through a state. */
interface DataFlow {

    /** What the state works on: JSONPath applies InputPath; JSONata uses the raw input. */
    JsonNode effectiveInput(ObjectNode state, Scope scope);

    /** Task Arguments / Parameters, Pass Parameters or Result; null when the state has none. */
    JsonNode arguments(ObjectNode state, JsonNode effectiveInput, Scope scope);

    /** The state output given its result ({@code result} null for states that have none). */
    JsonNode output(ObjectNode state, JsonNode effectiveInput, Scope scope);

    /** The output of a Catch, from the error output. */
    JsonNode catchOutput(ObjectNode catcher, Scope scope);

    /** New variable values of an Assign block. */
    ObjectNode assign(JsonNode assign, Scope scope);

    /** Whether a Choice rule matches. */
    boolean matches(ObjectNode rule, Scope scope);

    /** A field that may be an expression (Seconds, TimeoutSeconds, Error, Items...), or its Path variant. */
    JsonNode value(ObjectNode state, String field, Scope scope);
}
