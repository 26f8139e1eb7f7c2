package dev.scangate.lambdas.core.approval;

/** The run's object counts as the run report states them. */
public record RunCounts(long total, long clean, long flagged, long unscanned) {

    public static RunCounts empty() {
        return new RunCounts(0, 0, 0, 0);
    }
}
