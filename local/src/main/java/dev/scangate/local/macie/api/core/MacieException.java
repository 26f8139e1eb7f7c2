package dev.scangate.local.macie.api.core;

import java.util.Objects;

/** A Macie API error: rendered on the wire as the error code header plus {@code {"message"}}. */
public final class MacieException extends RuntimeException {

    private final MacieError error;

    public MacieException(MacieError error, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
    }

    public MacieError error() {
        return error;
    }

    public static MacieException validation(String message) {
        return new MacieException(MacieError.VALIDATION, message);
    }

    public static MacieException notFound(String message) {
        return new MacieException(MacieError.RESOURCE_NOT_FOUND, message);
    }

    public static MacieException conflict(String message) {
        return new MacieException(MacieError.CONFLICT, message);
    }
}
