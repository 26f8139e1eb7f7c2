package dev.scangate.local.macie.api.core;

/** A failed object-store call, classified so that a job can name the reason in its results. */
public final class ObjectStoreException extends RuntimeException {

    public enum Kind { NO_SUCH_BUCKET, NO_SUCH_KEY, ACCESS_DENIED, INVALID_OBJECT_STATE, OTHER }

    private final Kind kind;

    public ObjectStoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
