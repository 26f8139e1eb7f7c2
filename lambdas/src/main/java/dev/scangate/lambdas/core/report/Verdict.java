package dev.scangate.lambdas.core.report;

/** What the scan concluded for one object. Only CLEAN may be promoted without a person. */
public enum Verdict {
    CLEAN, FLAGGED, UNSCANNED
}
