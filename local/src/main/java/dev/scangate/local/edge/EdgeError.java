package dev.scangate.local.edge;

/** The errors the edge itself answers with, before any service sees the request. */
enum EdgeError {
    MISSING_SIGNATURE("MissingAuthenticationTokenException", 403,
            "The request is not signed with AWS Signature Version 4, so the edge cannot tell which service it is for. Sign it (any credentials work locally)."),
    UNKNOWN_SERVICE("UnknownServiceException", 400,
            "The local edge endpoint does not serve service '%s'. It serves: %s."),
    SERVICE_UNAVAILABLE("ServiceUnavailableException", 503,
            "The local %s service is not reachable: %s"),
    INTERNAL_FAILURE("InternalFailure", 500,
            "The local service failed while handling the request (%s); the runtime log has the details."),
    BAD_GATEWAY("BadGatewayException", 502,
            "The local %s service sent a malformed response: %s");

    private final String code;
    private final int status;
    private final String template;

    EdgeError(String code, int status, String template) {
        this.code = code;
        this.status = status;
        this.template = template;
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }

    String message(Object... args) {
        return String.format(template, args);
    }
}
