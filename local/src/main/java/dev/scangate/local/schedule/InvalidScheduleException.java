package dev.scangate.local.schedule;

/** A schedule expression that EventBridge would reject; the message names the problem. */
public final class InvalidScheduleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidScheduleException(String expression, String problem) {
        super("invalid schedule expression '" + expression + "': " + problem);
    }
}
