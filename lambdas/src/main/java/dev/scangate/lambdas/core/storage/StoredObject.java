package dev.scangate.lambdas.core.storage;

import java.util.Map;

/**
 * One version of an object as HEAD sees it. {@code eTag} is without quotes; {@code checksum} is a
 * full-object checksum as {@code <ALGORITHM>:<base64>} (e.g. {@code CRC32:jtQBsA==}), or null when
 * the store has none or only a per-part (composite) one.
 */
public record StoredObject(String bucket, String key, String versionId, long sizeBytes, String eTag,
                           String checksum, ObjectHeaders headers, Map<String, String> metadata) {

    public StoredObject {
        metadata = Map.copyOf(metadata);
    }

    /** A multipart ETag is not an MD5 of the content, so it cannot be compared across copies. */
    public boolean hasMultipartETag() {
        return eTag != null && eTag.contains("-");
    }

    /** The algorithm of {@link #checksum()}, or null. */
    public String checksumAlgorithm() {
        return checksum == null ? null : checksum.substring(0, checksum.indexOf(':'));
    }
}
