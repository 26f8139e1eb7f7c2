package dev.scangate.lambdas.core.storage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The object storage the steps move data through (S3). Implementations throw
 * {@link BucketNotFoundException} for a missing bucket, {@code RetryableStepException} for
 * throttling and transient failures and {@link ObjectStoreException} otherwise.
 */
public interface ObjectStore {

    /**
     * The latest versions (not delete markers) in listing order, stopping before the first object
     * that would exceed either limit.
     */
    Listing listLatest(String bucket, int maxObjects, long maxBytes);

    /** A version of an object; {@code versionId} null means the current version. */
    Optional<StoredObject> head(String bucket, String key, String versionId);

    Map<String, String> tags(String bucket, String key, String versionId);

    void putTags(String bucket, String key, String versionId, Map<String, String> tags);

    /**
     * Copies exactly {@code source} (its version) to the target, replacing the metadata with
     * {@code headers} and {@code metadata}. Large objects are copied in parts.
     */
    CopyResult copy(StoredObject source, String targetBucket, String targetKey, ObjectHeaders headers,
                    Map<String, String> metadata);

    /** Permanently deletes one version. */
    void deleteVersion(String bucket, String key, String versionId);

    /** Deletes the current version; in a versioned bucket this leaves a recoverable delete marker. */
    void delete(String bucket, String key);

    Optional<byte[]> read(String bucket, String key);

    void write(String bucket, String key, byte[] content, String contentType);

    /** Result of {@link #listLatest}: {@code truncated} when more objects were left for later. */
    record Listing(List<ListedObject> objects, boolean truncated) {
        public Listing {
            objects = List.copyOf(objects);
        }
    }
}
