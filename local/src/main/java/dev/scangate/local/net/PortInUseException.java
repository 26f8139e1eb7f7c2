package dev.scangate.local.net;

/** A port the runtime was told to use is taken; the message says which and how to choose another. */
public final class PortInUseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int port;

    public PortInUseException(String what, String host, int port, String hint) {
        super(String.format("port %d on %s is already in use, so the %s cannot start (another scangate or LocalStack running?); %s",
                port, host, what, hint));
        this.port = port;
    }

    public int port() {
        return port;
    }
}
