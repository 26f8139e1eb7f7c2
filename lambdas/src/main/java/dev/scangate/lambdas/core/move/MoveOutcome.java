package dev.scangate.lambdas.core.move;

/** What a move found and did. */
public enum MoveOutcome {
    /** Copied, verified and the source version deleted. */
    MOVED,
    /** An earlier attempt had copied it; this one finished the job (tags, source deletion). */
    ALREADY_MOVED,
    /** Neither the source version nor our copy exists: nothing to move. */
    SOURCE_MISSING
}
