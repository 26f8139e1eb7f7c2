package dev.scangate.statemachine.engine;

import java.util.Objects;

/** A request the engine refuses, with the Step Functions error code for it. */
public final class EngineException extends RuntimeException {

    private final EngineError error;

    public EngineException(EngineError error, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
    }

    public EngineError error() {
        return error;
    }
}
