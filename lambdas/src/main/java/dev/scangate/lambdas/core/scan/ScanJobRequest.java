package dev.scangate.lambdas.core.scan;

/** A ONE_TIME classification job over one key prefix of one bucket. */
public record ScanJobRequest(String name, String clientToken, String accountId, String bucket, String keyPrefix,
                             ScanJobSettings settings) {
}
