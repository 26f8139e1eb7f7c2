package dev.scangate.statemachine.engine.store;

/** The engine's database failed. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
