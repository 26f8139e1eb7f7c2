package dev.scangate.local.sfn;

/** A request answered with a Step Functions error. */
final class SfnException extends RuntimeException {

    private final SfnError error;

    SfnException(SfnError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    SfnError error() {
        return error;
    }
}
