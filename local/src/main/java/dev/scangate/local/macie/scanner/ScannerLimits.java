package dev.scangate.local.macie.scanner;

/**
 * Macie's processing limits (§3.7); tests shrink them to exercise the limit paths cheaply.
 *
 * @param archiveNestingLevels archives inside archives beyond this are not extracted
 * @param archiveMaxFiles extracted files per archive
 * @param archiveMaxTotalBytes uncompressed bytes per archive
 * @param archiveMaxFileBytes bytes per extracted file
 * @param jsonMaxNesting JSON/JSONL nesting levels
 * @param sizeLimitScale multiplies every per-type file size limit (1.0 = Macie's)
 */
public record ScannerLimits(int archiveNestingLevels, long archiveMaxFiles, long archiveMaxTotalBytes,
                            long archiveMaxFileBytes, int jsonMaxNesting, double sizeLimitScale) {

    private static final long GB = 1024L * 1024 * 1024;

    public static ScannerLimits macie() {
        return new ScannerLimits(10, 1_000_000, 10 * GB, 3 * GB, 256, 1.0);
    }
}
