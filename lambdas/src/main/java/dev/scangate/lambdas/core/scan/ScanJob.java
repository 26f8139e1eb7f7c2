package dev.scangate.lambdas.core.scan;

/** StartScan's output. */
public record ScanJob(String jobId, String jobArn) {
}
