package dev.scangate.statemachine.engine.interpret;

import com.fasterxml.jackson.databind.JsonNode;

/** The ASL error-name matching rules of Retry and Catch. */
final class ErrorMatcher {

    private ErrorMatcher() {
    }

    static boolean matches(JsonNode errorEquals, String error) {
        for (JsonNode n : errorEquals) {
            if (matches(n.asText(), error)) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(String pattern, String error) {
        if (pattern.equals(error)) {
            return true;
        }
        boolean terminal = "States.DataLimitExceeded".equals(error) || "States.Runtime".equals(error);
        return switch (pattern) {
            case "States.ALL" -> !terminal;
            case "States.TaskFailed" -> !terminal && !"States.Timeout".equals(error)
                    && !"States.HeartbeatTimeout".equals(error);
            case "States.Timeout" -> "States.HeartbeatTimeout".equals(error);
            default -> false;
        };
    }
}
