package dev.scangate.lambdas.core.storage;

/** An object-store call failed for a reason retrying will not fix. */
public class ObjectStoreException extends RuntimeException {

    public ObjectStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public ObjectStoreException(String message) {
        super(message);
    }
}
