package dev.scangate.local.macie.api.s3;

import dev.scangate.local.macie.api.core.ObjectStore;
import dev.scangate.local.macie.api.core.ObjectStoreException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The job's view of S3 through a real SDK client (local S3 or AWS). */
public final class S3ObjectStore implements ObjectStore {

    private final S3Client s3;

    private S3ObjectStore(S3Client s3) {
        this.s3 = s3;
    }

    public static S3ObjectStore create(S3Client s3) {
        return new S3ObjectStore(s3);
    }

    @Override
    public Optional<BucketInfo> bucket(String name) {
        try {
            var buckets = s3.listBuckets();
            var owner = buckets.owner();
            return buckets.buckets().stream().filter(b -> b.name().equals(name)).findFirst()
                    .map(b -> new BucketInfo(b.name(), b.creationDate(), owner == null ? null : owner.id(),
                            owner == null ? null : owner.displayName(), bucketTags(name)));
        } catch (SdkException e) {
            throw translate(e, name, null);
        }
    }

    private List<Tag> bucketTags(String name) {
        try {
            return s3.getBucketTagging(b -> b.bucket(name)).tagSet().stream()
                    .map(t -> new Tag(t.key(), t.value())).toList();
        } catch (SdkException e) {
            // No tag set (NoSuchTagSet) or a local S3 without bucket tagging: Macie reports no tags.
            return List.of();
        }
    }

    @Override
    public void list(String bucket, String prefix, Consumer<ObjectSummary> each) {
        try {
            s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix.isEmpty() ? null : prefix)).contents()
                    .forEach(o -> each.accept(new ObjectSummary(o.key(), o.size() == null ? 0 : o.size(), o.eTag(),
                            o.lastModified(), o.storageClassAsString())));
        } catch (SdkException e) {
            throw translate(e, bucket, null);
        }
    }

    @Override
    public List<Tag> objectTags(String bucket, String key) {
        try {
            return s3.getObjectTagging(b -> b.bucket(bucket).key(key)).tagSet().stream()
                    .map(t -> new Tag(t.key(), t.value())).toList();
        } catch (SdkException e) {
            throw translate(e, bucket, key);
        }
    }

    @Override
    public <T> T read(String bucket, String key, Function<ObjectContent, T> reader) {
        software.amazon.awssdk.core.ResponseInputStream<GetObjectResponse> stream;
        try {
            stream = s3.getObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw translate(e, bucket, key);
        }
        try (stream) {
            var response = stream.response();
            return reader.apply(new ObjectContent(response.versionId(), response.eTag(),
                    response.serverSideEncryptionAsString(), response.ssekmsKeyId(), stream));
        } catch (java.io.IOException e) {
            throw new ObjectStoreException(ObjectStoreException.Kind.OTHER, "closing s3://" + bucket + "/" + key, e);
        }
    }

    @Override
    public void write(String bucket, String key, byte[] bytes, String contentType, String contentEncoding) {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).contentEncoding(contentEncoding),
                    RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw translate(e, bucket, key);
        }
    }

    @Override
    public void delete(String bucket, String key) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw translate(e, bucket, key);
        }
    }

    private static ObjectStoreException translate(SdkException e, String bucket, String key) {
        var where = "s3://" + bucket + (key == null ? "" : "/" + key);
        if (e instanceof NoSuchBucketException) {
            return new ObjectStoreException(ObjectStoreException.Kind.NO_SUCH_BUCKET, where + ": no such bucket", e);
        }
        if (e instanceof NoSuchKeyException) {
            return new ObjectStoreException(ObjectStoreException.Kind.NO_SUCH_KEY, where + ": no such key", e);
        }
        if (e instanceof AwsServiceException service) {
            var code = service.awsErrorDetails() == null ? "" : service.awsErrorDetails().errorCode();
            var kind = switch (code == null ? "" : code) {
                case "NoSuchBucket" -> ObjectStoreException.Kind.NO_SUCH_BUCKET;
                case "NoSuchKey" -> ObjectStoreException.Kind.NO_SUCH_KEY;
                case "AccessDenied" -> ObjectStoreException.Kind.ACCESS_DENIED;
                case "InvalidObjectState" -> ObjectStoreException.Kind.INVALID_OBJECT_STATE;
                default -> service.statusCode() == 404 ? ObjectStoreException.Kind.NO_SUCH_KEY
                        : service.statusCode() == 403 ? ObjectStoreException.Kind.ACCESS_DENIED
                        : ObjectStoreException.Kind.OTHER;
            };
            return new ObjectStoreException(kind, where + ": " + code, e);
        }
        return new ObjectStoreException(ObjectStoreException.Kind.OTHER, where + ": " + e.getMessage(), e);
    }
}
