package dev.scangate.statemachine.engine.lambda;

/**
 * A Lambda Invoke response.
 *
 * @param functionError null on success, {@code Unhandled} when the handler threw
 */
public record InvokeResult(int statusCode, byte[] payload, String functionError, String executedVersion) {

    public static InvokeResult success(byte[] payload) {
        return new InvokeResult(200, payload, null, "$LATEST");
    }

    public static InvokeResult unhandled(byte[] errorBody) {
        return new InvokeResult(200, errorBody, "Unhandled", "$LATEST");
    }
}
