package dev.scangate.local.sns;

/** A request the local SNS rejects; rendered as an SNS {@code ErrorResponse}. */
final class SnsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SnsError error;

    SnsException(SnsError error, String message) {
        super(message);
        this.error = error;
    }

    SnsError error() {
        return error;
    }
}
