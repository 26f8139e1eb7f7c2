package dev.scangate.local.commands;

/** Exit codes the commands return; {@link CommandException#FAILED} is the one for errors. */
public final class ExitCodes {

    /** Done; for a run, it succeeded or now waits for a person's approval. */
    public static final int OK = 0;
    /** The run itself ended FAILED, TIMED_OUT or ABORTED (the command worked). */
    public static final int RUN_NOT_SUCCEEDED = 3;

    private ExitCodes() {
    }
}
