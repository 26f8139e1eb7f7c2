package dev.scangate.approval.web;

/** Every error the approval API answers with: one code, one status, one title, rendered by {@link Responses}. */
public enum ApiError {
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    MISSING_SIGNATURE(403, "Incomplete link"),
    BAD_SIGNATURE(403, "Invalid link"),
    FORBIDDEN(403, "Not allowed"),
    LINK_EXPIRED(410, "Link expired"),
    APPROVAL_EXPIRED(410, "Too late to decide"),
    ALREADY_DECIDED(409, "Already decided"),
    INVALID_REQUEST(400, "Cannot record this decision"),
    PAYLOAD_TOO_LARGE(413, "Request too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported content type"),
    UNAVAILABLE(503, "Try again"),
    INTERNAL(500, "Something went wrong");

    private final int status;
    private final String title;

    ApiError(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
