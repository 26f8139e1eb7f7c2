package dev.scangate.local.sns;

/** SNS error codes, HTTP statuses and fault types, as the query protocol reports them. */
enum SnsError {
    INVALID_PARAMETER("InvalidParameter", 400, "Sender"),
    NOT_FOUND("NotFound", 404, "Sender"),
    INVALID_ACTION("InvalidAction", 400, "Sender"),
    MISSING_PARAMETER("MissingParameter", 400, "Sender"),
    INTERNAL_ERROR("InternalError", 500, "Receiver");

    private final String code;
    private final int status;
    private final String type;

    SnsError(String code, int status, String type) {
        this.code = code;
        this.status = status;
        this.type = type;
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }
}
