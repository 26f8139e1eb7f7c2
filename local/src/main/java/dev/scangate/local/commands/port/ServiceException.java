package dev.scangate.local.commands.port;

/**
 * A failed call to a service behind a port, already phrased for a person. Adapters translate their
 * SDK's exceptions into this, so the commands never see a vendor exception type.
 */
public class ServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, as far as a command needs to react to it. */
    public enum Kind { NOT_FOUND, ALREADY_EXISTS, NOT_REDRIVABLE, UNREACHABLE, ACCESS_DENIED, INVALID_REQUEST, OTHER }

    private final Kind kind;

    public ServiceException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
