package dev.scangate.local.macie.api.core;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The S3 operations a classification job needs. Adapters translate their failures into
 * {@link ObjectStoreException} so the job can record the right skip reason.
 */
public interface ObjectStore {

    Optional<BucketInfo> bucket(String name);

    /** Latest versions under a prefix ("" for all), in key order. */
    void list(String bucket, String prefix, Consumer<ObjectSummary> each);

    List<Tag> objectTags(String bucket, String key);

    /** Reads the latest version; the stream is only valid inside {@code reader}. */
    <T> T read(String bucket, String key, Function<ObjectContent, T> reader);

    void write(String bucket, String key, byte[] bytes, String contentType, String contentEncoding);

    void delete(String bucket, String key);

    record Tag(String key, String value) { }

    record BucketInfo(String name, Instant createdAt, String ownerId, String ownerName, List<Tag> tags) {
        public BucketInfo {
            tags = List.copyOf(tags == null ? List.of() : tags);
        }
    }

    record ObjectSummary(String key, long size, String eTag, Instant lastModified, String storageClass) { }

    /** {@code versionId} is null for unversioned buckets; {@code encryptionType} null when unencrypted. */
    record ObjectContent(String versionId, String eTag, String encryptionType, String kmsKeyId, InputStream stream) { }
}
