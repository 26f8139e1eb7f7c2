package dev.scangate.local.macie.scanner;

/** A scan request the scanner cannot honour (unknown identifier id, unusable regex, ...); the message names the problem. */
public class InvalidScanRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidScanRequestException(String message) {
        super(message);
    }
}
