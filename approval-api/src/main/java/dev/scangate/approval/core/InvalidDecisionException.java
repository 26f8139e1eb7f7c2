package dev.scangate.approval.core;

/** The submitted decision cannot be recorded as it is; the message says what to fix. */
public class InvalidDecisionException extends RuntimeException {

    public InvalidDecisionException(String message) {
        super(message);
    }
}
