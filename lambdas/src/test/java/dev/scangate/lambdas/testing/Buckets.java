package dev.scangate.lambdas.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Tagging;

/** Arrange-and-assert helpers over a real S3 client. */
public final class Buckets {

    private final S3Client s3;

    Buckets(S3Client s3) {
        this.s3 = s3;
    }

    public static Buckets of(S3Client s3) {
        return new Buckets(s3);
    }

    /** Creates a bucket with versioning enabled, as every ScanGate bucket is. */
    public void createVersioned(String bucket) {
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketVersioning(b -> b.bucket(bucket)
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    }

    /** Puts an object and returns its version id. */
    public String put(String bucket, String key, String content) {
        return put(bucket, key, content.getBytes(StandardCharsets.UTF_8), "text/plain", Map.of(), Map.of());
    }

    public String put(String bucket, String key, byte[] content, String contentType,
                      Map<String, String> metadata, Map<String, String> tags) {
        var response = s3.putObject(b -> {
            b.bucket(bucket).key(key).contentType(contentType).metadata(metadata);
            if (!tags.isEmpty()) {
                b.tagging(Tagging.builder().tagSet(tags.entrySet().stream()
                        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()).build());
            }
        }, RequestBody.fromBytes(content));
        return response.versionId();
    }

    public Optional<String> read(String bucket, String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    public byte[] readBytes(String bucket, String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    public Optional<HeadObjectResponse> head(String bucket, String key) {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public Map<String, String> tags(String bucket, String key) {
        var tags = new LinkedHashMap<String, String>();
        s3.getObjectTagging(b -> b.bucket(bucket).key(key)).tagSet().forEach(t -> tags.put(t.key(), t.value()));
        return tags;
    }

    /**
     * Current keys (latest versions that are not delete markers), in listing order. Read from the
     * version listing because s3mock's ListObjectsV2 still lists keys hidden by a delete marker.
     */
    public List<String> keys(String bucket) {
        var keys = new ArrayList<String>();
        s3.listObjectVersionsPaginator(b -> b.bucket(bucket)).versions().stream()
                .filter(v -> Boolean.TRUE.equals(v.isLatest())).forEach(v -> keys.add(v.key()));
        return keys;
    }

    /** Every version (not delete markers) of every key. */
    public List<ObjectVersion> versions(String bucket) {
        var versions = new ArrayList<ObjectVersion>();
        s3.listObjectVersionsPaginator(b -> b.bucket(bucket)).versions().forEach(versions::add);
        return versions;
    }

    /** Deletes every version and delete marker of every bucket, then the buckets. */
    public void deleteAll() {
        for (var bucket : s3.listBuckets().buckets()) {
            var name = bucket.name();
            var listing = s3.listObjectVersionsPaginator(b -> b.bucket(name));
            listing.versions().forEach(v -> s3.deleteObject(b -> b.bucket(name).key(v.key()).versionId(v.versionId())));
            s3.listObjectVersionsPaginator(b -> b.bucket(name)).deleteMarkers()
                    .forEach(m -> s3.deleteObject(b -> b.bucket(name).key(m.key()).versionId(m.versionId())));
            s3.listObjectsV2Paginator(b -> b.bucket(name)).contents()
                    .forEach(o -> s3.deleteObject(b -> b.bucket(name).key(o.key())));
            s3.deleteBucket(b -> b.bucket(name));
        }
    }
}
