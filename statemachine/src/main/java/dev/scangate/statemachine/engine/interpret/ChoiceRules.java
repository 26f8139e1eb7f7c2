package dev.scangate.statemachine.engine.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.statemachine.engine.StatesError;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.regex.Pattern;

/** JSONPath Choice rules: comparisons (and their Path forms), And/Or/Not, IsPresent, IsNull and type checks. */
final class ChoiceRules {

    private ChoiceRules() {
    }

    static boolean matches(JsonNode rule, JsonPathFlow flow, Scope scope) {
        if (rule.has("And")) {
            for (JsonNode r : rule.get("And")) {
                if (!matches(r, flow, scope)) {
                    return false;
                }
            }
            return true;
        }
        if (rule.has("Or")) {
            for (JsonNode r : rule.get("Or")) {
                if (matches(r, flow, scope)) {
                    return true;
                }
            }
            return false;
        }
        if (rule.has("Not")) {
            return !matches(rule.get("Not"), flow, scope);
        }
        String variable = rule.path("Variable").asText(null);
        if (variable == null) {
            throw new StatesError("States.Runtime", "Choice rule without Variable: " + rule);
        }
        JsonNode value = flow.read(variable, scope.input(), scope);
        Iterator<String> names = rule.fieldNames();
        while (names.hasNext()) {
            String op = names.next();
            if (op.equals("Variable") || op.equals("Next") || op.equals("Comment") || op.equals("Assign")
                    || op.equals("Output")) {
                continue;
            }
            JsonNode operand = rule.get(op);
            if (op.equals("IsPresent")) {
                return (value != null) == operand.asBoolean();
            }
            if (value == null) {
                throw new StatesError("States.Runtime", "Invalid path '" + variable
                        + "': The choice state's condition path references an invalid value.");
            }
            if (op.startsWith("Is")) {
                return typeCheck(op, value) == operand.asBoolean();
            }
            if (op.endsWith("Path")) {
                operand = flow.require(operand.asText(), scope.input(), scope, op);
                op = op.substring(0, op.length() - 4);
            }
            return compare(op, value, operand);
        }
        throw new StatesError("States.Runtime", "Choice rule has no comparison operator: " + rule);
    }

    private static boolean typeCheck(String op, JsonNode v) {
        return switch (op) {
            case "IsNull" -> v.isNull();
            case "IsNumeric" -> v.isNumber();
            case "IsString" -> v.isTextual();
            case "IsBoolean" -> v.isBoolean();
            case "IsTimestamp" -> JsonPathFlow.isTimestamp(v);
            default -> throw new StatesError("States.Runtime", "unknown Choice operator " + op);
        };
    }

    private static boolean compare(String op, JsonNode v, JsonNode operand) {
        if (op.startsWith("String")) {
            if (!v.isTextual()) {
                return false;
            }
            String a = v.asText();
            String b = operand.asText();
            return switch (op) {
                case "StringEquals" -> a.equals(b);
                case "StringLessThan" -> a.compareTo(b) < 0;
                case "StringGreaterThan" -> a.compareTo(b) > 0;
                case "StringLessThanEquals" -> a.compareTo(b) <= 0;
                case "StringGreaterThanEquals" -> a.compareTo(b) >= 0;
                case "StringMatches" -> wildcard(b).matcher(a).matches();
                default -> throw new StatesError("States.Runtime", "unknown Choice operator " + op);
            };
        }
        if (op.startsWith("Numeric")) {
            if (!v.isNumber()) {
                return false;
            }
            int c = v.decimalValue().compareTo(operand.decimalValue());
            return ordered(op.substring("Numeric".length()), c);
        }
        if (op.equals("BooleanEquals")) {
            return v.isBoolean() && v.asBoolean() == operand.asBoolean();
        }
        if (op.startsWith("Timestamp")) {
            if (!JsonPathFlow.isTimestamp(v) || !JsonPathFlow.isTimestamp(operand)) {
                return false;
            }
            int c = OffsetDateTime.parse(v.asText()).toInstant().compareTo(OffsetDateTime.parse(operand.asText()).toInstant());
            return ordered(op.substring("Timestamp".length()), c);
        }
        throw new StatesError("States.Runtime", "unknown Choice operator " + op);
    }

    private static boolean ordered(String rel, int c) {
        return switch (rel) {
            case "Equals" -> c == 0;
            case "LessThan" -> c < 0;
            case "GreaterThan" -> c > 0;
            case "LessThanEquals" -> c <= 0;
            case "GreaterThanEquals" -> c >= 0;
            default -> throw new StatesError("States.Runtime", "unknown Choice comparison " + rel);
        };
    }

    /** StringMatches: {@code *} is any run of characters, {@code \*} a literal star. */
    private static Pattern wildcard(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char ch = glob.charAt(i);
            if (ch == '\\' && i + 1 < glob.length()) {
                re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else if (ch == '*') {
                re.append(".*");
            } else {
                re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

}
