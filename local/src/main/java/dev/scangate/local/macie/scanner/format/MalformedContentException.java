package dev.scangate.local.macie.scanner.format;

/** Content a format reader cannot analyse further; carries Macie's reason code. */
public class MalformedContentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public MalformedContentException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public MalformedContentException(String reason, String message) {
        this(reason, message, null);
    }

    public String reason() {
        return reason;
    }
}
