package dev.scangate.statemachine.engine.interpret;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.statemachine.engine.Json;
import dev.scangate.statemachine.engine.StatesError;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates {@code {% ... %}} JSONata templates with {@code $states}, workflow variables and the
 * Step Functions additions ({@code $partition, $range, $hash, $random, $uuid, $parse}; no {@code $eval}).
 */
public final class JsonataEvaluator {

    private static final Pattern EXPRESSION = Pattern.compile("^\\{%(.*)%}$", Pattern.DOTALL);
    private static final ThreadLocal<Map<String, Jsonata>> CACHE = ThreadLocal.withInitial(HashMap::new);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CACHE_LIMIT = 2000;

    private JsonataEvaluator() {
    }

    /** The expression inside {@code {% %}}, or null when the node is not one. */
    public static String expressionOf(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        Matcher m = EXPRESSION.matcher(node.asText().trim());
        return m.matches() ? m.group(1) : null;
    }

    /**
     * Evaluates every expression in a template. A whole-template expression that returns nothing
     * gives a missing node; a field or element that returns nothing is a {@code States.QueryEvaluationError}
     * naming it, as in Step Functions.
     */
    public static JsonNode template(JsonNode template, JsonNode states, ObjectNode variables) {
        JsonNode out = templateOrUndefined(template, states, variables, "");
        return out == null ? Json.MAPPER.missingNode() : out;
    }

    private static JsonNode templateOrUndefined(JsonNode template, JsonNode states, ObjectNode variables, String at) {
        if (template == null) {
            return null;
        }
        String expr = expressionOf(template);
        if (expr != null) {
            JsonNode v = evaluate(expr, states, variables);
            if (v == null && !at.isEmpty()) {
                throw new StatesError("States.QueryEvaluationError", "The JSONata expression '" + expr.trim()
                        + "' specified for the field '" + at.substring(1) + "' returned nothing (undefined).");
            }
            return v;
        }
        if (template.isObject()) {
            ObjectNode out = Json.object();
            Iterator<Map.Entry<String, JsonNode>> it = template.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), templateOrUndefined(e.getValue(), states, variables, at + "/" + e.getKey()));
            }
            return out;
        }
        if (template.isArray()) {
            ArrayNode out = Json.MAPPER.createArrayNode();
            for (int i = 0; i < template.size(); i++) {
                out.add(templateOrUndefined(template.get(i), states, variables, at + "/" + i));
            }
            return out;
        }
        return template;
    }

    /** One expression; returns null when the result is undefined. */
    public static JsonNode evaluate(String expression, JsonNode states, ObjectNode variables) {
        Jsonata compiled;
        try {
            compiled = compile(expression);
        } catch (JException e) {
            throw new StatesError("States.QueryEvaluationError",
                    "cannot parse JSONata expression {%" + expression + "%}: " + e.getMessage());
        }
        try {
            Jsonata.Frame frame = compiled.createFrame();
            frame.bind("states", toJava(states));
            if (variables != null) {
                Iterator<Map.Entry<String, JsonNode>> it = variables.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    frame.bind(e.getKey(), toJava(e.getValue()));
                }
            }
            bindFunctions(frame);
            Object result = compiled.evaluate(null, frame);
            return result == null ? null : toJson(result);
        } catch (StatesError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StatesError("States.QueryEvaluationError",
                    "JSONata expression {%" + expression + "%} failed: " + e.getMessage());
        }
    }

    private static Jsonata compile(String expression) {
        Map<String, Jsonata> cache = CACHE.get();
        Jsonata compiled = cache.get(expression);
        if (compiled == null) {
            compiled = Jsonata.jsonata(expression);
            // keep JSON null distinct from "no value" (undefined) in results
            compiled.setOutputConvertNulls(false);
            if (cache.size() > CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(expression, compiled);
        }
        return compiled;
    }

    private static void bindFunctions(Jsonata.Frame frame) {
        frame.bind("partition", (Jsonata.Fn2<Object, Object, Object>) JsonataEvaluator::partition);
        frame.bind("range", Jsonata.function("range",
                (Jsonata.Fn3<Number, Number, Number, Object>) JsonataEvaluator::range, null));
        frame.bind("hash", (Jsonata.Fn2<Object, Object, Object>) JsonataEvaluator::hash);
        frame.bind("random", Jsonata.function("random", (Jsonata.FnVarArgs<Object>) JsonataEvaluator::random, null));
        frame.bind("uuid", (Jsonata.Fn0<Object>) () -> UUID.randomUUID().toString());
        frame.bind("parse", (Jsonata.Fn1<Object, Object>) JsonataEvaluator::parse);
        frame.bind("eval", (Jsonata.Fn1<Object, Object>) x -> {
            throw new StatesError("States.QueryEvaluationError", "$eval is not supported; use $parse");
        });
    }

    private static Object partition(Object array, Object size) {
        if (!(array instanceof List<?> list) || !(size instanceof Number n) || n.intValue() < 1) {
            throw new StatesError("States.QueryEvaluationError", "$partition(array, size) needs an array and a positive size");
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += n.intValue()) {
            out.add(new ArrayList<>(list.subList(i, Math.min(list.size(), i + n.intValue()))));
        }
        return out;
    }

    private static Object range(Number start, Number end, Number step) {
        if (start == null || end == null || step == null || step.doubleValue() == 0) {
            throw new StatesError("States.QueryEvaluationError", "$range(start, end, step) needs three numbers and a non-zero step");
        }
        List<Object> out = new ArrayList<>();
        double s = step.doubleValue();
        for (double v = start.doubleValue(); s > 0 ? v <= end.doubleValue() : v >= end.doubleValue(); v += s) {
            out.add(v == Math.rint(v) ? (Object) (long) v : (Object) v);
            if (out.size() > 1000) {
                throw new StatesError("States.QueryEvaluationError", "$range: more than 1000 elements");
            }
        }
        return out;
    }

    private static Object hash(Object value, Object algorithm) {
        if (!(value instanceof String text) || !(algorithm instanceof String alg)) {
            throw new StatesError("States.QueryEvaluationError", "$hash(string, algorithm) needs two strings");
        }
        if (!List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512").contains(alg)) {
            throw new StatesError("States.QueryEvaluationError", "$hash: unsupported algorithm " + alg);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(alg).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new StatesError("States.QueryEvaluationError", "$hash: " + e.getMessage());
        }
    }

    private static Object random(List<?> args) {
        if (!args.isEmpty() && args.get(0) instanceof Number seed) {
            return new Random(seed.longValue()).nextDouble();
        }
        return RANDOM.nextDouble();
    }

    private static Object parse(Object text) {
        if (!(text instanceof String s)) {
            throw new StatesError("States.QueryEvaluationError", "$parse needs a string");
        }
        try {
            return toJava(Json.parse(s));
        } catch (IllegalArgumentException e) {
            throw new StatesError("States.QueryEvaluationError", "$parse: " + e.getMessage());
        }
    }

    /** JSON to the Java values JSONata works on; JSON null becomes JSONata's null marker. */
    public static Object toJava(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        if (node.isNull()) {
            return Jsonata.NULL_VALUE;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), toJava(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(e -> list.add(toJava(e)));
            return list;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.asLong() : node.bigIntegerValue();
        }
        return node.asDouble();
    }

    /** JSONata's Java values back to JSON; whole doubles become integers, as JSON writers show them. */
    public static JsonNode toJson(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value == null || value == Jsonata.NULL_VALUE) {
            return f.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode out = f.objectNode();
            map.forEach((k, v) -> {
                if (v != null) {
                    out.set(String.valueOf(k), toJson(v));
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            ArrayNode out = f.arrayNode();
            for (Object o : list) {
                if (o != null) {
                    out.add(toJson(o));
                }
            }
            return out;
        }
        if (value instanceof String s) {
            return f.textNode(s);
        }
        if (value instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new StatesError("States.QueryEvaluationError", "result is not a finite number");
            }
            if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
                return f.numberNode((long) d);
            }
            return f.numberNode(d);
        }
        if (value instanceof BigInteger bi) {
            return f.numberNode(bi);
        }
        if (value instanceof BigDecimal bd) {
            return f.numberNode(bd);
        }
        if (value instanceof Number n) {
            return f.numberNode(n.longValue());
        }
        if (value instanceof Jsonata.JFunction || value instanceof Jsonata.JLambda) {
            throw new StatesError("States.QueryEvaluationError", "result is a function, not JSON");
        }
        throw new StatesError("States.QueryEvaluationError", "result is not JSON: " + value.getClass().getSimpleName());
    }
}
