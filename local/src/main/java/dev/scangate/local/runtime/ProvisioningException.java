package dev.scangate.local.runtime;

/** The runtime could not create one of the resources it provisions at start. */
public final class ProvisioningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
