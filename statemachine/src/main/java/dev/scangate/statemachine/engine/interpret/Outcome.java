package dev.scangate.statemachine.engine.interpret;

import com.fasterxml.jackson.databind.JsonNode;

/** What one interpreter step did. */
public record Outcome(Kind kind, JsonNode output, String error, String cause) {

    public enum Kind { NEXT, SUSPEND, SUCCEEDED, FAILED }

    public static final Outcome NEXT = new Outcome(Kind.NEXT, null, null, null);
    public static final Outcome SUSPEND = new Outcome(Kind.SUSPEND, null, null, null);

    public static Outcome succeeded(JsonNode output) {
        return new Outcome(Kind.SUCCEEDED, output, null, null);
    }

    public static Outcome failed(String error, String cause) {
        return new Outcome(Kind.FAILED, null, error, cause);
    }
}
