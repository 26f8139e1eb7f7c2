package dev.scangate.local.macie.api.core;

/** Macie's error codes with the HTTP status the real service answers with. */
public enum MacieError {
    VALIDATION("ValidationException", 400),
    ACCESS_DENIED("AccessDeniedException", 403),
    RESOURCE_NOT_FOUND("ResourceNotFoundException", 404),
    CONFLICT("ConflictException", 409),
    SERVICE_QUOTA_EXCEEDED("ServiceQuotaExceededException", 402),
    THROTTLING("ThrottlingException", 429),
    INTERNAL_SERVER("InternalServerException", 500);

    private final String code;
    private final int httpStatus;

    MacieError(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
