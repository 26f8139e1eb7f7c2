package dev.scangate.local.events;

/** A request the local EventBridge rejects, rendered as a JSON 1.1 error. */
final class EventsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient EventsError error;
    private final String entryCode;

    EventsException(EventsError error, String message) {
        this(error, error.code(), message);
    }

    /** {@code entryCode}: what PutEvents reports for the one entry when this fails only that entry. */
    EventsException(EventsError error, String entryCode, String message) {
        super(message);
        this.error = error;
        this.entryCode = entryCode;
    }

    String entryCode() {
        return entryCode;
    }

    EventsError error() {
        return error;
    }
}
