package dev.scangate.local.macie.api.core.job;

import java.util.Locale;
import java.util.Map;

/** Macie's largest analysable object per file type; bigger objects are skipped unread. */
public final class SizeLimits {

    private static final long MB = 1024L * 1024;
    private static final long GB = 1024 * MB;
    private static final Map<String, Long> BY_EXTENSION = Map.ofEntries(
            Map.entry("pdf", 1024 * MB),
            Map.entry("avro", 8 * GB),
            Map.entry("parquet", 8 * GB),
            Map.entry("eml", 20 * GB),
            Map.entry("gz", 8 * GB),
            Map.entry("gzip", 8 * GB),
            Map.entry("xls", 512 * MB),
            Map.entry("xlsx", 512 * MB),
            Map.entry("doc", 512 * MB),
            Map.entry("docx", 512 * MB),
            Map.entry("tar", 20 * GB),
            Map.entry("zip", 8 * GB));
    private static final long TEXT = 20 * GB;

    private SizeLimits() {
    }

    public static long maxBytes(String extension) {
        return BY_EXTENSION.getOrDefault(extension.toLowerCase(Locale.ROOT), TEXT);
    }
}
