package dev.scangate.statemachine.engine.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.scangate.statemachine.engine.Json;
import dev.scangate.statemachine.engine.StatesError;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSONPath query language: InputPath, Parameters, ResultSelector, ResultPath, OutputPath,
 * the context object {@code $$}, variables {@code $name}, intrinsic functions and Choice rules.
 */
final class JsonPathFlow implements DataFlow {

    static final JsonPathFlow INSTANCE = new JsonPathFlow();

    private static final Configuration CONFIG = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
            .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();
    private static final Pattern VARIABLE = Pattern.compile("^\\$([A-Za-z_][A-Za-z0-9_]*)(.*)$", Pattern.DOTALL);

    private JsonPathFlow() {
    }

    /** Reads a path against a document, the context object ({@code $$}) or a variable; null when absent. */
    JsonNode read(String path, JsonNode doc, Scope scope) {
        if (path.startsWith("$$")) {
            return readPath("$" + path.substring(2), scope.context());
        }
        Matcher m = VARIABLE.matcher(path);
        if (m.matches()) {
            JsonNode v = scope.variables() == null ? null : scope.variables().get(m.group(1));
            if (v == null) {
                throw new StatesError("States.Runtime", "The variable $" + m.group(1) + " is not defined");
            }
            return readPath("$" + m.group(2), v);
        }
        if (!path.startsWith("$")) {
            throw new StatesError("States.Runtime", "'" + path + "' is not a JSONPath (it must start with $)");
        }
        return readPath(path, doc);
    }

    private static JsonNode readPath(String path, JsonNode doc) {
        if ("$".equals(path)) {
            return doc;
        }
        try {
            JsonNode out = JsonPath.using(CONFIG).parse(doc).read(path);
            return out == null || out.isMissingNode() ? null : out;
        } catch (RuntimeException e) {
            throw new StatesError("States.Runtime", "Invalid JSONPath " + path + ": " + e.getMessage());
        }
    }

    JsonNode require(String path, JsonNode doc, Scope scope, String field) {
        JsonNode v = read(path, doc, scope);
        if (v == null) {
            throw new StatesError("States.Runtime", "Invalid path '" + path + "' in " + field
                    + ": the path did not match anything in the input");
        }
        return v;
    }

    /** Evaluates a Parameters-style template: {@code "key.$"} fields are paths or intrinsic functions. */
    JsonNode template(JsonNode template, JsonNode doc, Scope scope) {
        if (template.isObject()) {
            ObjectNode out = Json.object();
            Iterator<Map.Entry<String, JsonNode>> it = template.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                if (key.endsWith(".$")) {
                    String expr = e.getValue().asText();
                    String name = key.substring(0, key.length() - 2);
                    out.set(name, expr.startsWith("States.")
                            ? Intrinsics.evaluate(expr, p -> require(p, doc, scope, name))
                            : require(expr, doc, scope, key));
                } else {
                    out.set(key, template(e.getValue(), doc, scope));
                }
            }
            return out;
        }
        if (template.isArray()) {
            ArrayNode out = Json.MAPPER.createArrayNode();
            template.forEach(el -> out.add(template(el, doc, scope)));
            return out;
        }
        return template;
    }

    private JsonNode optionalPath(ObjectNode state, String field, JsonNode doc, Scope scope) {
        if (!state.has(field)) {
            return doc;
        }
        JsonNode p = state.get(field);
        if (p.isNull()) {
            return Json.object();
        }
        return require(p.asText(), doc, scope, field);
    }

    @Override
    public JsonNode effectiveInput(ObjectNode state, Scope scope) {
        return optionalPath(state, "InputPath", scope.input(), scope);
    }

    @Override
    public JsonNode arguments(ObjectNode state, JsonNode effectiveInput, Scope scope) {
        if (state.has("Parameters")) {
            return template(state.get("Parameters"), effectiveInput, scope);
        }
        if ("Pass".equals(state.path("Type").asText())) {
            return state.has("Result") ? state.get("Result") : effectiveInput;
        }
        return null;
    }

    @Override
    public JsonNode output(ObjectNode state, JsonNode effectiveInput, Scope scope) {
        JsonNode combined;
        String type = state.path("Type").asText();
        if (scope.result() != null && !"Choice".equals(type) && !"Wait".equals(type) && !"Succeed".equals(type)) {
            JsonNode result = scope.result();
            if (state.has("ResultSelector")) {
                result = template(state.get("ResultSelector"), result, scope);
            }
            combined = applyResultPath(state, scope.input(), result);
        } else {
            combined = effectiveInput;
        }
        return optionalPath(state, "OutputPath", combined, scope);
    }

    private static JsonNode applyResultPath(ObjectNode node, JsonNode rawInput, JsonNode result) {
        if (!node.has("ResultPath")) {
            return result;
        }
        JsonNode rp = node.get("ResultPath");
        if (rp.isNull()) {
            return rawInput;
        }
        String path = rp.asText();
        if ("$".equals(path)) {
            return result;
        }
        if (!path.startsWith("$.")) {
            throw new StatesError("States.ResultPathMatchFailure", "ResultPath " + path + " is not a reference path");
        }
        if (!rawInput.isObject()) {
            throw new StatesError("States.ResultPathMatchFailure", "Unable to apply ResultPath " + path
                    + " to input " + Json.write(rawInput) + ": the input is not an object");
        }
        JsonNode root = rawInput.deepCopy();
        ObjectNode target = (ObjectNode) root;
        String[] parts = path.substring(2).split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = target.get(parts[i]);
            if (child == null || !child.isObject()) {
                child = target.putObject(parts[i]);
            }
            target = (ObjectNode) child;
        }
        target.set(parts[parts.length - 1], result);
        return root;
    }

    @Override
    public JsonNode catchOutput(ObjectNode catcher, Scope scope) {
        return applyResultPath(catcher, scope.input(), scope.errorOutput());
    }

    @Override
    public ObjectNode assign(JsonNode assign, Scope scope) {
        if (assign == null) {
            return Json.object();
        }
        JsonNode doc = scope.errorOutput() != null ? scope.errorOutput()
                : scope.result() != null ? scope.result() : scope.input();
        return (ObjectNode) template(assign, doc, scope);
    }

    @Override
    public boolean matches(ObjectNode rule, Scope scope) {
        return ChoiceRules.matches(rule, this, scope);
    }

    @Override
    public JsonNode value(ObjectNode state, String field, Scope scope) {
        JsonNode v = state.get(field);
        if (v == null) {
            return null;
        }
        if (field.endsWith("Path")) {
            return require(v.asText(), effectiveInput(state, scope), scope, field);
        }
        return v;
    }

    static boolean isTimestamp(JsonNode v) {
        if (!v.isTextual()) {
            return false;
        }
        try {
            OffsetDateTime.parse(v.asText());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
