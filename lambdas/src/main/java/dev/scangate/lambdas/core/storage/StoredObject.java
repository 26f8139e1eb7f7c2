package dev.scangate.lambdas.core.storage;

import java.util.Map;

/** One version of an object as HEAD sees it. {@code eTag} is without quotes. */
public record StoredObject(String bucket, String key, String versionId, long sizeBytes, String eTag,
                           ObjectHeaders headers, Map<String, String> metadata) {

    public StoredObject {
        metadata = Map.copyOf(metadata);
    }

    /** A multipart ETag is not an MD5 of the content, so it cannot be compared across copies. */
    public boolean hasMultipartETag() {
        return eTag != null && eTag.contains("-");
    }
}
