package dev.scangate.lambdas.core;

/**
 * The step was given input it cannot act on. The message names the offending field. Not retried
 * by the state machine: the same input would fail the same way.
 */
public class StepInputException extends RuntimeException {

    private final String field;

    public StepInputException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
