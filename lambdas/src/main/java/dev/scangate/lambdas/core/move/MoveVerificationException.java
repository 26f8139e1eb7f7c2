package dev.scangate.lambdas.core.move;

/** A copy did not match its source; the source was left in place. */
public class MoveVerificationException extends RuntimeException {

    public MoveVerificationException(String message) {
        super(message);
    }
}
