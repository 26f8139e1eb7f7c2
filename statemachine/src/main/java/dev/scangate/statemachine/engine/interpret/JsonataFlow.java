package dev.scangate.statemachine.engine.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.statemachine.engine.Json;
import dev.scangate.statemachine.engine.StatesError;
import java.util.Iterator;
import java.util.Map;

/** The JSONata query language: Arguments, Output, Assign, Condition and {@code $states}. */
final class JsonataFlow implements DataFlow {

    static final JsonataFlow INSTANCE = new JsonataFlow();

    private JsonataFlow() {
    }

    static ObjectNode states(Scope scope) {
        ObjectNode states = Json.object();
        states.set("input", scope.input());
        if (scope.result() != null) {
            states.set("result", scope.result());
        }
        if (scope.errorOutput() != null) {
            states.set("errorOutput", scope.errorOutput());
        }
        states.set("context", scope.context());
        return states;
    }

    private static JsonNode eval(JsonNode template, Scope scope, String field) {
        JsonNode out = JsonataEvaluator.template(template, states(scope), scope.variables());
        if (out.isMissingNode()) {
            throw StatesError.query("the JSONata expression in " + field + " returned nothing (undefined)");
        }
        return out;
    }

    @Override
    public JsonNode effectiveInput(ObjectNode state, Scope scope) {
        return scope.input();
    }

    @Override
    public JsonNode arguments(ObjectNode state, JsonNode effectiveInput, Scope scope) {
        return state.has("Arguments") ? eval(state.get("Arguments"), scope, "Arguments") : null;
    }

    @Override
    public JsonNode output(ObjectNode state, JsonNode effectiveInput, Scope scope) {
        if (state.has("Output")) {
            return eval(state.get("Output"), scope, "Output");
        }
        return scope.result() != null ? scope.result() : scope.input();
    }

    @Override
    public JsonNode catchOutput(ObjectNode catcher, Scope scope) {
        return catcher.has("Output") ? eval(catcher.get("Output"), scope, "Catch Output") : scope.errorOutput();
    }

    @Override
    public ObjectNode assign(JsonNode assign, Scope scope) {
        ObjectNode out = Json.object();
        if (assign == null) {
            return out;
        }
        JsonNode states = states(scope);
        Iterator<Map.Entry<String, JsonNode>> it = assign.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = JsonataEvaluator.template(e.getValue(), states, scope.variables());
            if (v.isMissingNode()) {
                throw StatesError.query("Assign." + e.getKey() + ": the JSONata expression returned nothing (undefined)");
            }
            out.set(e.getKey(), v);
        }
        return out;
    }

    @Override
    public boolean matches(ObjectNode rule, Scope scope) {
        JsonNode v = eval(rule.get("Condition"), scope, "Condition");
        if (!v.isBoolean()) {
            throw StatesError.query("Condition must evaluate to a boolean, got " + v);
        }
        return v.asBoolean();
    }

    @Override
    public JsonNode value(ObjectNode state, String field, Scope scope) {
        JsonNode v = state.get(field);
        return v == null ? null : eval(v, scope, field);
    }
}
