package dev.scangate.statemachine.engine;

/**
 * An error raised while running a state: {@code error} is the name Retry and Catch match,
 * {@code cause} the human-readable detail. Task integrations throw it to fail a task.
 */
public final class StatesError extends RuntimeException {

    private final String error;
    private final String causeText;

    public StatesError(String error, String cause) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.causeText = cause;
    }

    public String error() {
        return error;
    }

    public String cause() {
        return causeText;
    }

    public static StatesError runtime(String cause) {
        return new StatesError("States.Runtime", cause);
    }

    public static StatesError query(String cause) {
        return new StatesError("States.QueryEvaluationError", cause);
    }
}
