package dev.scangate.statemachine.engine.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.statemachine.engine.Json;
import dev.scangate.statemachine.engine.StatesError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/** The {@code States.*} intrinsic functions of JSONPath states; failures are {@code States.IntrinsicFailure}. */
final class Intrinsics {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final String text;
    private final Function<String, JsonNode> paths;
    private int pos;

    private Intrinsics(String text, Function<String, JsonNode> paths) {
        this.text = text;
        this.paths = paths;
    }

    static JsonNode evaluate(String expression, Function<String, JsonNode> paths) {
        Intrinsics p = new Intrinsics(expression.trim(), paths);
        JsonNode v = p.call();
        p.skipSpace();
        if (p.pos != p.text.length()) {
            throw fail("unexpected text after the function call in " + expression);
        }
        return v;
    }

    private static StatesError fail(String message) {
        return new StatesError("States.IntrinsicFailure", message);
    }

    private JsonNode call() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        String name = text.substring(start, pos);
        skipSpace();
        expect('(');
        List<JsonNode> args = new ArrayList<>();
        skipSpace();
        if (peek() != ')') {
            do {
                skipSpace();
                args.add(argument());
                skipSpace();
            } while (tryConsume(','));
        }
        expect(')');
        return apply(name, args);
    }

    private JsonNode argument() {
        char c = peek();
        if (c == '\'') {
            return F.textNode(string());
        }
        if (c == '$') {
            int start = pos;
            int depth = 0;
            while (pos < text.length()) {
                char ch = text.charAt(pos);
                if (ch == '[' || ch == '(') {
                    depth++;
                } else if (ch == ']' || ch == ')') {
                    if (depth == 0) {
                        break;
                    }
                    depth--;
                } else if (ch == ',' && depth == 0) {
                    break;
                }
                pos++;
            }
            return paths.apply(text.substring(start, pos).trim());
        }
        if (text.startsWith("States.", pos)) {
            return call();
        }
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != ')') {
            pos++;
        }
        String literal = text.substring(start, pos).trim();
        try {
            return Json.parse(literal);
        } catch (IllegalArgumentException e) {
            throw fail("bad argument '" + literal + "' in " + text);
        }
    }

    private String string() {
        expect('\'');
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char ch = text.charAt(pos++);
            if (ch == '\\' && pos < text.length()) {
                sb.append(text.charAt(pos++));
            } else if (ch == '\'') {
                return sb.toString();
            } else {
                sb.append(ch);
            }
        }
        throw fail("unterminated string in " + text);
    }

    private char peek() {
        if (pos >= text.length()) {
            throw fail("unexpected end of " + text);
        }
        return text.charAt(pos);
    }

    private boolean tryConsume(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!tryConsume(c)) {
            throw fail("expected '" + c + "' at position " + pos + " of " + text);
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private static JsonNode apply(String name, List<JsonNode> a) {
        switch (name) {
            case "States.Format": {
                String template = arg(a, 0, name).asText();
                StringBuilder out = new StringBuilder();
                int next = 1;
                for (int i = 0; i < template.length(); i++) {
                    if (template.startsWith("{}", i)) {
                        JsonNode v = arg(a, next++, name);
                        out.append(v.isTextual() ? v.asText() : Json.write(v));
                        i++;
                    } else {
                        out.append(template.charAt(i));
                    }
                }
                return F.textNode(out.toString());
            }
            case "States.StringToJson":
                return Json.parse(arg(a, 0, name).asText());
            case "States.JsonToString":
                return F.textNode(Json.write(arg(a, 0, name)));
            case "States.Array": {
                ArrayNode arr = F.arrayNode();
                a.forEach(arr::add);
                return arr;
            }
            case "States.ArrayPartition": {
                JsonNode arr = array(a, 0, name);
                int size = arg(a, 1, name).asInt();
                if (size < 1) {
                    throw fail("States.ArrayPartition chunk size must be positive");
                }
                ArrayNode out = F.arrayNode();
                for (int i = 0; i < arr.size(); i += size) {
                    ArrayNode chunk = out.addArray();
                    for (int j = i; j < Math.min(arr.size(), i + size); j++) {
                        chunk.add(arr.get(j));
                    }
                }
                return out;
            }
            case "States.ArrayContains": {
                for (JsonNode el : array(a, 0, name)) {
                    if (el.equals(arg(a, 1, name))) {
                        return F.booleanNode(true);
                    }
                }
                return F.booleanNode(false);
            }
            case "States.ArrayRange": {
                int start = arg(a, 0, name).asInt();
                int end = arg(a, 1, name).asInt();
                int step = arg(a, 2, name).asInt();
                if (step == 0) {
                    throw fail("States.ArrayRange step must not be 0");
                }
                ArrayNode out = F.arrayNode();
                for (int v = start; step > 0 ? v <= end : v >= end; v += step) {
                    out.add(v);
                    if (out.size() > 1000) {
                        throw fail("States.ArrayRange produces more than 1000 elements");
                    }
                }
                return out;
            }
            case "States.ArrayGetItem": {
                JsonNode v = array(a, 0, name).get(arg(a, 1, name).asInt());
                if (v == null) {
                    throw fail("States.ArrayGetItem index out of range");
                }
                return v;
            }
            case "States.ArrayLength":
                return F.numberNode(array(a, 0, name).size());
            case "States.ArrayUnique": {
                Set<JsonNode> seen = new LinkedHashSet<>();
                array(a, 0, name).forEach(seen::add);
                ArrayNode out = F.arrayNode();
                seen.forEach(out::add);
                return out;
            }
            case "States.Base64Encode":
                return F.textNode(Base64.getEncoder().encodeToString(arg(a, 0, name).asText().getBytes(StandardCharsets.UTF_8)));
            case "States.Base64Decode":
                try {
                    return F.textNode(new String(Base64.getDecoder().decode(arg(a, 0, name).asText()), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw fail("States.Base64Decode: not base64");
                }
            case "States.Hash": {
                String alg = arg(a, 1, name).asText();
                if (!List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512").contains(alg)) {
                    throw fail("States.Hash: unsupported algorithm " + alg);
                }
                JsonNode v = arg(a, 0, name);
                try {
                    byte[] digest = MessageDigest.getInstance(alg)
                            .digest((v.isTextual() ? v.asText() : Json.write(v)).getBytes(StandardCharsets.UTF_8));
                    return F.textNode(HexFormat.of().formatHex(digest));
                } catch (NoSuchAlgorithmException e) {
                    throw fail(e.getMessage());
                }
            }
            case "States.JsonMerge": {
                JsonNode x = arg(a, 0, name);
                JsonNode y = arg(a, 1, name);
                if (!x.isObject() || !y.isObject()) {
                    throw fail("States.JsonMerge merges two objects");
                }
                if (a.size() > 2 && a.get(2).asBoolean()) {
                    throw fail("States.JsonMerge supports only a shallow merge (third argument false)");
                }
                ObjectNode out = x.deepCopy();
                out.setAll((ObjectNode) y);
                return out;
            }
            case "States.MathRandom": {
                int lo = arg(a, 0, name).asInt();
                int hi = arg(a, 1, name).asInt();
                return F.numberNode(lo + ThreadLocalRandom.current().nextInt(Math.max(1, hi - lo)));
            }
            case "States.MathAdd":
                return F.numberNode(arg(a, 0, name).asLong() + arg(a, 1, name).asLong());
            case "States.StringSplit": {
                String s = arg(a, 0, name).asText();
                String delims = arg(a, 1, name).asText();
                ArrayNode out = F.arrayNode();
                StringBuilder cur = new StringBuilder();
                for (char ch : s.toCharArray()) {
                    if (delims.indexOf(ch) >= 0) {
                        if (cur.length() > 0) {
                            out.add(cur.toString());
                        }
                        cur.setLength(0);
                    } else {
                        cur.append(ch);
                    }
                }
                if (cur.length() > 0) {
                    out.add(cur.toString());
                }
                return out;
            }
            case "States.UUID":
                return F.textNode(UUID.randomUUID().toString());
            default:
                throw fail("unknown intrinsic function " + name);
        }
    }

    private static JsonNode arg(List<JsonNode> a, int i, String name) {
        if (i >= a.size() || a.get(i) == null) {
            throw fail(name + ": missing argument " + (i + 1));
        }
        return a.get(i);
    }

    private static JsonNode array(List<JsonNode> a, int i, String name) {
        JsonNode v = arg(a, i, name);
        if (!v.isArray()) {
            throw fail(name + ": argument " + (i + 1) + " must be an array");
        }
        return v;
    }
}
