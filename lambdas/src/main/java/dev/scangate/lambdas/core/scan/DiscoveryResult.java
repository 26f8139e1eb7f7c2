package dev.scangate.lambdas.core.scan;

/** Macie's record of analysing (or skipping) one object: COMPLETE, PARTIAL or SKIPPED. */
public record DiscoveryResult(String bucket, String key, String statusCode, String reason) {
}
