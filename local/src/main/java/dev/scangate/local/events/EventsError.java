package dev.scangate.local.events;

/** EventBridge error codes; all answer HTTP 400 as in AWS, except the internal one. */
enum EventsError {
    VALIDATION("ValidationException", 400),
    RESOURCE_NOT_FOUND("ResourceNotFoundException", 400),
    RESOURCE_ALREADY_EXISTS("ResourceAlreadyExistsException", 400),
    INVALID_EVENT_PATTERN("InvalidEventPatternException", 400),
    UNKNOWN_OPERATION("UnknownOperationException", 400),
    SERIALIZATION("SerializationException", 400),
    INTERNAL("InternalException", 500);

    private final String code;
    private final int status;

    EventsError(String code, int status) {
        this.code = code;
        this.status = status;
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }
}
