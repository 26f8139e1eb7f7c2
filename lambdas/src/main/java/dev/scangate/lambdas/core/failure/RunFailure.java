package dev.scangate.lambdas.core.failure;

import java.util.Objects;

/**
 * What the state machine recorded when a step's Catch caught an error: the state, the error and
 * cause Step Functions reported, and the execution's redrive count at that moment.
 */
public record RunFailure(String state, String error, String cause, int redriveCount) {

    public RunFailure {
        Objects.requireNonNull(state, "state");
        if (redriveCount < 0) {
            throw new IllegalArgumentException("redriveCount must not be negative");
        }
    }
}
