package dev.scangate.statemachine.engine.store;

/**
 * A callback token, stored by hash. {@code resultKind} is null while the task waits, then
 * {@code SUCCESS}, {@code FAILURE} or {@code CLOSED} (timed out, stopped, superseded).
 */
public record TokenRow(String hash, String executionArn, String resultKind, String output, String error,
                       String cause, long heartbeatAt) {
}
