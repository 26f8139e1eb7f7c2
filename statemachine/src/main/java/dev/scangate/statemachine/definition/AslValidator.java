package dev.scangate.statemachine.definition;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an Amazon States Language definition and reports every problem with a JSON-pointer
 * location: structure, transitions, reachability, Retry/Catch rules, the query-language mixing
 * rules and JSONata syntax.
 */
public final class AslValidator {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> TYPES = Set.of("Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Map", "Parallel");
    private static final Set<String> JSONPATH_ONLY = Set.of("InputPath", "Parameters", "ResultSelector", "ResultPath",
            "OutputPath", "ItemsPath", "SecondsPath", "TimestampPath", "ErrorPath", "CausePath", "TimeoutSecondsPath",
            "HeartbeatSecondsPath");
    private static final Set<String> JSONATA_ONLY = Set.of("Arguments", "Output", "Items");
    private static final Pattern EXPRESSION = Pattern.compile("^\\{%(.*)%}$", Pattern.DOTALL);

    private final List<AslProblem> problems = new ArrayList<>();

    private AslValidator() {
    }

    /** All problems of the definition text; empty when it is valid. */
    public static List<AslProblem> validate(String definition) {
        AslValidator v = new AslValidator();
        JsonNode root;
        try {
            root = MAPPER.readTree(definition);
        } catch (IOException e) {
            v.add("INVALID_JSON_DESCRIPTION", "", "the definition is not valid JSON: " + e.getMessage().split("\n")[0]);
            return v.problems;
        }
        if (root == null || !root.isObject()) {
            v.add("SCHEMA_VALIDATION_FAILED", "", "the definition must be a JSON object");
            return v.problems;
        }
        String language = root.path("QueryLanguage").asText("JSONPath");
        if (!language.equals("JSONPath") && !language.equals("JSONata")) {
            v.add("SCHEMA_VALIDATION_FAILED", "/QueryLanguage", "QueryLanguage must be JSONPath or JSONata");
        }
        v.workflow(root, "", language, true);
        return v.problems;
    }

    private void add(String code, String location, String message) {
        problems.add(new AslProblem(code, location, message));
    }

    private void workflow(JsonNode wf, String at, String language, boolean top) {
        JsonNode states = wf.get("States");
        if (states == null || !states.isObject() || states.isEmpty()) {
            add("SCHEMA_VALIDATION_FAILED", at + "/States", "States must be a non-empty object");
            return;
        }
        JsonNode startAt = wf.get("StartAt");
        if (startAt == null || !startAt.isTextual()) {
            add("SCHEMA_VALIDATION_FAILED", at + "/StartAt", "StartAt is required and must be a string");
        } else if (!states.has(startAt.asText())) {
            add("MISSING_TRANSITION_TARGET", at + "/StartAt", "StartAt names no state: '" + startAt.asText() + "'");
        }
        if (top && wf.has("TimeoutSeconds") && (!wf.get("TimeoutSeconds").canConvertToInt()
                || wf.get("TimeoutSeconds").asInt() < 1)) {
            add("SCHEMA_VALIDATION_FAILED", at + "/TimeoutSeconds", "TimeoutSeconds must be a positive integer");
        }
        Iterator<Map.Entry<String, JsonNode>> it = states.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            state(e.getKey(), e.getValue(), at + "/States/" + escape(e.getKey()), states, language, top);
        }
        reachability(wf, states, at);
    }

    private void reachability(JsonNode wf, JsonNode states, String at) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        if (states.has(wf.path("StartAt").asText())) {
            todo.add(wf.path("StartAt").asText());
        }
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!seen.add(name)) {
                continue;
            }
            JsonNode s = states.get(name);
            List<String> targets = new ArrayList<>();
            targets.add(s.path("Next").asText(null));
            targets.add(s.path("Default").asText(null));
            s.path("Choices").forEach(c -> targets.add(c.path("Next").asText(null)));
            s.path("Catch").forEach(c -> targets.add(c.path("Next").asText(null)));
            for (String t : targets) {
                if (t != null && states.has(t)) {
                    todo.add(t);
                }
            }
        }
        states.fieldNames().forEachRemaining(name -> {
            if (!seen.contains(name)) {
                add("MISSING_TRANSITION_TARGET", at + "/States/" + escape(name), "State '" + name + "' is not reachable");
            }
        });
    }

    private void state(String name, JsonNode s, String at, JsonNode states, String inherited, boolean top) {
        if (name.length() > 80) {
            add("SCHEMA_VALIDATION_FAILED", at, "state names are at most 80 characters");
        }
        if (!s.isObject()) {
            add("SCHEMA_VALIDATION_FAILED", at, "a state must be an object");
            return;
        }
        String type = s.path("Type").asText(null);
        if (type == null || !TYPES.contains(type)) {
            add("SCHEMA_VALIDATION_FAILED", at + "/Type", "Type must be one of " + TYPES + ", got " + s.get("Type"));
            return;
        }
        String language = s.path("QueryLanguage").asText(inherited);
        if ("JSONata".equals(inherited) && "JSONPath".equals(language)) {
            add("SCHEMA_VALIDATION_FAILED", at + "/QueryLanguage",
                    "a state cannot use JSONPath when the state machine's QueryLanguage is JSONata");
        }
        boolean jsonata = "JSONata".equals(language);
        for (String f : jsonata ? JSONPATH_ONLY : JSONATA_ONLY) {
            if (s.has(f)) {
                add("SCHEMA_VALIDATION_FAILED", at + "/" + f, "field " + f + " is not allowed in a "
                        + language + " state");
            }
        }
        if (jsonata) {
            expressions(s, at, true);
        }
        boolean terminal = type.equals("Choice") || type.equals("Succeed") || type.equals("Fail");
        boolean end = s.path("End").asBoolean(false);
        if (!terminal) {
            if (s.has("Next") && end) {
                add("SCHEMA_VALIDATION_FAILED", at, "a state cannot have both Next and End");
            } else if (!s.has("Next") && !end) {
                add("SCHEMA_VALIDATION_FAILED", at, "the state needs Next or \"End\": true");
            }
        } else if (s.has("Next") || s.has("End")) {
            add("SCHEMA_VALIDATION_FAILED", at, type + " states cannot have Next or End");
        }
        target(s.get("Next"), at + "/Next", states);
        switch (type) {
            case "Task" -> {
                if (!s.path("Resource").isTextual()) {
                    add("SCHEMA_VALIDATION_FAILED", at + "/Resource", "a Task needs a Resource string");
                }
                retryCatch(s, at, states);
            }
            case "Choice" -> choice(s, at, states, jsonata);
            case "Wait" -> {
                int n = 0;
                for (String f : List.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath")) {
                    n += s.has(f) ? 1 : 0;
                }
                if (n != 1) {
                    add("SCHEMA_VALIDATION_FAILED", at, "a Wait needs exactly one of Seconds, Timestamp, SecondsPath, TimestampPath");
                }
            }
            case "Map" -> {
                JsonNode processor = s.has("ItemProcessor") ? s.get("ItemProcessor") : s.get("Iterator");
                if (processor == null || !processor.isObject()) {
                    add("SCHEMA_VALIDATION_FAILED", at + "/ItemProcessor", "a Map needs an ItemProcessor");
                } else {
                    workflow(processor, at + (s.has("ItemProcessor") ? "/ItemProcessor" : "/Iterator"), language, false);
                }
                retryCatch(s, at, states);
            }
            case "Parallel" -> {
                JsonNode branches = s.get("Branches");
                if (branches == null || !branches.isArray() || branches.isEmpty()) {
                    add("SCHEMA_VALIDATION_FAILED", at + "/Branches", "a Parallel needs a non-empty Branches array");
                } else {
                    for (int i = 0; i < branches.size(); i++) {
                        workflow(branches.get(i), at + "/Branches/" + i, language, false);
                    }
                }
                retryCatch(s, at, states);
            }
            default -> {
            }
        }
    }

    private void choice(JsonNode s, String at, JsonNode states, boolean jsonata) {
        JsonNode choices = s.get("Choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            add("SCHEMA_VALIDATION_FAILED", at + "/Choices", "a Choice needs a non-empty Choices array");
            return;
        }
        for (int i = 0; i < choices.size(); i++) {
            JsonNode rule = choices.get(i);
            String ruleAt = at + "/Choices/" + i;
            if (!rule.has("Next")) {
                add("SCHEMA_VALIDATION_FAILED", ruleAt, "a Choice rule needs Next");
            }
            target(rule.get("Next"), ruleAt + "/Next", states);
            if (jsonata && !rule.has("Condition")) {
                add("SCHEMA_VALIDATION_FAILED", ruleAt, "a JSONata Choice rule needs a Condition");
            }
            if (!jsonata && rule.has("Condition")) {
                add("SCHEMA_VALIDATION_FAILED", ruleAt + "/Condition", "Condition is only allowed in JSONata states");
            }
        }
        target(s.get("Default"), at + "/Default", states);
    }

    private void retryCatch(JsonNode s, String at, JsonNode states) {
        JsonNode retry = s.path("Retry");
        for (int i = 0; i < retry.size(); i++) {
            JsonNode r = retry.get(i);
            String rAt = at + "/Retry/" + i;
            errorEquals(r, rAt, i == retry.size() - 1);
            if (r.has("MaxAttempts") && r.get("MaxAttempts").asInt(-1) < 0) {
                add("SCHEMA_VALIDATION_FAILED", rAt + "/MaxAttempts", "MaxAttempts must be a non-negative integer");
            }
            if (r.has("BackoffRate") && r.get("BackoffRate").asDouble(0) < 1.0) {
                add("SCHEMA_VALIDATION_FAILED", rAt + "/BackoffRate", "BackoffRate must be at least 1.0");
            }
            if (r.has("IntervalSeconds") && r.get("IntervalSeconds").asInt(0) < 1) {
                add("SCHEMA_VALIDATION_FAILED", rAt + "/IntervalSeconds", "IntervalSeconds must be a positive integer");
            }
            if (r.has("JitterStrategy") && !Set.of("FULL", "NONE").contains(r.get("JitterStrategy").asText())) {
                add("SCHEMA_VALIDATION_FAILED", rAt + "/JitterStrategy", "JitterStrategy must be FULL or NONE");
            }
        }
        JsonNode katch = s.path("Catch");
        for (int i = 0; i < katch.size(); i++) {
            JsonNode c = katch.get(i);
            String cAt = at + "/Catch/" + i;
            errorEquals(c, cAt, i == katch.size() - 1);
            if (!c.has("Next")) {
                add("SCHEMA_VALIDATION_FAILED", cAt, "a Catcher needs Next");
            }
            target(c.get("Next"), cAt + "/Next", states);
        }
    }

    private void errorEquals(JsonNode r, String at, boolean last) {
        JsonNode ee = r.get("ErrorEquals");
        if (ee == null || !ee.isArray() || ee.isEmpty()) {
            add("SCHEMA_VALIDATION_FAILED", at + "/ErrorEquals", "ErrorEquals must be a non-empty array");
            return;
        }
        for (JsonNode e : ee) {
            if ("States.ALL".equals(e.asText()) && (ee.size() > 1 || !last)) {
                add("SCHEMA_VALIDATION_FAILED", at + "/ErrorEquals", "States.ALL must appear alone and in the last retrier/catcher");
            }
        }
    }

    private void target(JsonNode next, String at, JsonNode states) {
        if (next != null && (!next.isTextual() || !states.has(next.asText()))) {
            add("MISSING_TRANSITION_TARGET", at, "Missing 'Next' target: " + next.asText());
        }
    }

    private void expressions(JsonNode node, String at, boolean stateLevel) {
        if (node.isTextual()) {
            Matcher m = EXPRESSION.matcher(node.asText().trim());
            if (m.matches()) {
                try {
                    Jsonata.jsonata(m.group(1));
                } catch (RuntimeException e) {
                    add("SCHEMA_VALIDATION_FAILED", at, "invalid JSONata expression: " + e.getMessage());
                }
            }
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (stateLevel && (e.getKey().equals("ItemProcessor") || e.getKey().equals("Branches")
                    || e.getKey().equals("Iterator"))) {
                continue;
            }
            if (e.getKey().endsWith(".$")) {
                add("SCHEMA_VALIDATION_FAILED", at + "/" + escape(e.getKey()),
                        "'.$' field names are JSONPath; JSONata states use {% %} expressions");
            }
            expressions(e.getValue(), at + "/" + escape(e.getKey()), false);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                expressions(node.get(i), at + "/" + i, false);
            }
        }
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
