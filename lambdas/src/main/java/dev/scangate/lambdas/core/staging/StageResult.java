package dev.scangate.lambdas.core.staging;

/** StageObjects' output: the run and where staging stopped. */
public record StageResult(String runId, String manifestKey, int objectCount, long byteCount, boolean truncated,
                          int cursor, boolean done) {
}
