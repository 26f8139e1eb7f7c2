package dev.scangate.lambdas.aws.s3;

import dev.scangate.lambdas.aws.AwsClientFactory;
import dev.scangate.lambdas.core.RetryableStepException;
import dev.scangate.lambdas.core.StepInputException;
import dev.scangate.lambdas.core.config.Environment;
import dev.scangate.lambdas.core.storage.BucketNotFoundException;
import dev.scangate.lambdas.core.storage.CopyResult;
import dev.scangate.lambdas.core.storage.ListedObject;
import dev.scangate.lambdas.core.storage.ObjectHeaders;
import dev.scangate.lambdas.core.storage.ObjectStore;
import dev.scangate.lambdas.core.storage.ObjectStoreException;
import dev.scangate.lambdas.core.storage.StoredObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/**
 * {@link ObjectStore} over S3. Copies above {@code multipartThresholdBytes} use UploadPartCopy
 * (CopyObject stops at 5 GB); SDK errors become our own exceptions.
 */
public final class S3ObjectStore implements ObjectStore {

    private static final Map<String, ChecksumAlgorithm> FULL_OBJECT_CRCS = Map.of(
            "CRC32", ChecksumAlgorithm.CRC32, "CRC32C", ChecksumAlgorithm.CRC32_C, "CRC64NVME", ChecksumAlgorithm.CRC64_NVME);

    private final S3Client s3;
    private final long multipartThresholdBytes;
    private final long partSizeBytes;

    public S3ObjectStore(S3Client s3, long multipartThresholdBytes, long partSizeBytes) {
        this.s3 = s3;
        this.multipartThresholdBytes = multipartThresholdBytes;
        this.partSizeBytes = partSizeBytes;
    }

    /** Multipart settings from {@code MULTIPART_THRESHOLD_BYTES} and {@code MULTIPART_PART_SIZE_BYTES}. */
    public static S3ObjectStore fromEnvironment(AwsClientFactory clients, Environment environment) {
        long threshold = environment.positiveLong("MULTIPART_THRESHOLD_BYTES", 5L * 1024 * 1024 * 1024);
        long partSize = environment.positiveLong("MULTIPART_PART_SIZE_BYTES", 512L * 1024 * 1024);
        if (partSize < 5L * 1024 * 1024) {
            throw new StepInputException("MULTIPART_PART_SIZE_BYTES", "must be at least 5 MiB (the S3 minimum part size), got " + partSize);
        }
        if (threshold > 5L * 1024 * 1024 * 1024) {
            throw new StepInputException("MULTIPART_THRESHOLD_BYTES", "must be at most 5 GiB (the CopyObject limit), got " + threshold);
        }
        return new S3ObjectStore(clients.s3(), threshold, partSize);
    }

    @Override
    public Listing listLatest(String bucket, int maxObjects, long maxBytes) {
        return call(bucket, "list versions", () -> {
            var objects = new ArrayList<ListedObject>();
            long bytes = 0;
            for (var page : s3.listObjectVersionsPaginator(b -> b.bucket(bucket))) {
                for (var version : page.versions()) {
                    if (!Boolean.TRUE.equals(version.isLatest())) {
                        continue;
                    }
                    long size = version.size() == null ? 0 : version.size();
                    if (objects.size() >= maxObjects || bytes + size > maxBytes) {
                        return new Listing(objects, true);
                    }
                    objects.add(new ListedObject(version.key(), version.versionId(), size, unquote(version.eTag())));
                    bytes += size;
                }
            }
            return new Listing(objects, false);
        });
    }

    @Override
    public Optional<StoredObject> head(String bucket, String key, String versionId) {
        return call(bucket, "head " + key, () -> {
            try {
                var response = s3.headObject(b -> b.bucket(bucket).key(key).versionId(versionId)
                        .checksumMode(ChecksumMode.ENABLED));
                return Optional.of(toStored(bucket, key, response));
            } catch (NoSuchKeyException e) {
                return Optional.empty();
            } catch (S3Exception e) {
                // HEAD has no body, so a missing key or version arrives as a bare 404 (or 400 for a bad version id).
                if ((e.statusCode() == 404 && !isNoSuchBucket(e, bucket)) || (e.statusCode() == 400 && versionId != null)) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    @Override
    public Map<String, String> tags(String bucket, String key, String versionId) {
        return call(bucket, "get tags of " + key, () -> {
            var tags = new LinkedHashMap<String, String>();
            s3.getObjectTagging(b -> b.bucket(bucket).key(key).versionId(versionId))
                    .tagSet().forEach(t -> tags.put(t.key(), t.value()));
            return tags;
        });
    }

    @Override
    public void putTags(String bucket, String key, String versionId, Map<String, String> tags) {
        var tagSet = tags.entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
        if (tagSet.isEmpty()) {
            // An empty tag set is rejected by some S3 implementations; deleting the tags means the same.
            call(bucket, "untag " + key, () -> s3.deleteObjectTagging(b -> b.bucket(bucket).key(key).versionId(versionId)));
            return;
        }
        call(bucket, "tag " + key, () -> s3.putObjectTagging(b -> b.bucket(bucket).key(key).versionId(versionId)
                .tagging(t -> t.tagSet(tagSet))));
    }

    @Override
    public CopyResult copy(StoredObject source, String targetBucket, String targetKey, ObjectHeaders headers,
                           Map<String, String> metadata) {
        if (source.sizeBytes() > multipartThresholdBytes) {
            return call(targetBucket, "multipart copy to " + targetKey,
                    () -> multipartCopy(source, targetBucket, targetKey, headers, metadata));
        }
        return call(targetBucket, "copy to " + targetKey, () -> {
            var response = s3.copyObject(b -> b.sourceBucket(source.bucket()).sourceKey(source.key())
                    .sourceVersionId(source.versionId())
                    .destinationBucket(targetBucket).destinationKey(targetKey)
                    .metadataDirective(MetadataDirective.REPLACE)
                    .taggingDirective(TaggingDirective.COPY)
                    .contentType(headers.contentType()).contentEncoding(headers.contentEncoding())
                    .contentDisposition(headers.contentDisposition()).contentLanguage(headers.contentLanguage())
                    .cacheControl(headers.cacheControl())
                    .metadata(metadata));
            return new CopyResult(response.versionId(), unquote(response.copyObjectResult().eTag()), false);
        });
    }

    private CopyResult multipartCopy(StoredObject source, String targetBucket, String targetKey, ObjectHeaders headers,
                                     Map<String, String> metadata) {
        // Ask for a full-object CRC of the source's kind, so the assembled copy can be compared with it.
        var algorithm = FULL_OBJECT_CRCS.get(source.checksumAlgorithm());
        var upload = s3.createMultipartUpload(b -> {
            b.bucket(targetBucket).key(targetKey)
                    .contentType(headers.contentType()).contentEncoding(headers.contentEncoding())
                    .contentDisposition(headers.contentDisposition()).contentLanguage(headers.contentLanguage())
                    .cacheControl(headers.cacheControl()).metadata(metadata);
            if (algorithm != null) {
                b.checksumAlgorithm(algorithm).checksumType(ChecksumType.FULL_OBJECT);
            }
        });
        var uploadId = upload.uploadId();
        try {
            var parts = new ArrayList<CompletedPart>();
            long size = source.sizeBytes();
            int partNumber = 1;
            for (long start = 0; start < size; start += partSizeBytes, partNumber++) {
                long end = Math.min(size, start + partSizeBytes) - 1;
                int number = partNumber;
                var range = "bytes=" + start + "-" + end;
                var part = s3.uploadPartCopy(b -> b.sourceBucket(source.bucket()).sourceKey(source.key())
                        .sourceVersionId(source.versionId()).copySourceRange(range)
                        .destinationBucket(targetBucket).destinationKey(targetKey)
                        .uploadId(uploadId).partNumber(number));
                var result = part.copyPartResult();
                parts.add(CompletedPart.builder().partNumber(number).eTag(result.eTag())
                        .checksumCRC32(result.checksumCRC32()).checksumCRC32C(result.checksumCRC32C())
                        .checksumCRC64NVME(result.checksumCRC64NVME()).build());
            }
            var done = s3.completeMultipartUpload(b -> {
                b.bucket(targetBucket).key(targetKey).uploadId(uploadId).multipartUpload(m -> m.parts(parts));
                if (algorithm != null) {
                    b.checksumType(ChecksumType.FULL_OBJECT);
                }
            });
            return new CopyResult(done.versionId(), unquote(done.eTag()), true);
        } catch (RuntimeException e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(targetBucket).key(targetKey).uploadId(uploadId));
            } catch (RuntimeException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
    }

    @Override
    public void deleteVersion(String bucket, String key, String versionId) {
        if (versionId == null) {
            throw new IllegalArgumentException("deleteVersion needs a version id");
        }
        call(bucket, "delete version of " + key, () -> s3.deleteObject(b -> b.bucket(bucket).key(key).versionId(versionId)));
    }

    @Override
    public void delete(String bucket, String key) {
        call(bucket, "delete " + key, () -> s3.deleteObject(b -> b.bucket(bucket).key(key)));
    }

    @Override
    public Optional<byte[]> read(String bucket, String key) {
        return call(bucket, "read " + key, () -> {
            try {
                return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
            } catch (NoSuchKeyException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void write(String bucket, String key, byte[] content, String contentType) {
        call(bucket, "write " + key, () -> s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType),
                RequestBody.fromBytes(content)));
    }


    private static StoredObject toStored(String bucket, String key, HeadObjectResponse response) {
        var headers = new ObjectHeaders(response.contentType(), response.contentEncoding(),
                response.contentDisposition(), response.contentLanguage(), response.cacheControl());
        long size = response.contentLength() == null ? 0 : response.contentLength();
        return new StoredObject(bucket, key, response.versionId(), size, unquote(response.eTag()),
                fullObjectChecksum(response), headers, response.metadata());
    }

    private static String fullObjectChecksum(HeadObjectResponse response) {
        if (response.checksumType() == ChecksumType.COMPOSITE) {
            return null;
        }
        var candidates = new LinkedHashMap<String, String>();
        candidates.put("CRC64NVME", response.checksumCRC64NVME());
        candidates.put("CRC32C", response.checksumCRC32C());
        candidates.put("CRC32", response.checksumCRC32());
        for (var entry : candidates.entrySet()) {
            // A value with a part count suffix ("...-3") is per part, not of the whole object.
            if (entry.getValue() != null && !entry.getValue().contains("-")) {
                return entry.getKey() + ":" + entry.getValue();
            }
        }
        return null;
    }

    private static boolean isNoSuchBucket(S3Exception e, String bucket) {
        return e instanceof NoSuchBucketException
                || (e.awsErrorDetails() != null && "NoSuchBucket".equals(e.awsErrorDetails().errorCode()));
    }

    static String unquote(String eTag) {
        if (eTag == null) {
            return null;
        }
        return eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"") ? eTag.substring(1, eTag.length() - 1) : eTag;
    }

    private static <T> T call(String bucket, String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (NoSuchBucketException e) {
            throw new BucketNotFoundException(bucket, e);
        } catch (S3Exception e) {
            if (isNoSuchBucket(e, bucket)) {
                throw new BucketNotFoundException(bucket, e);
            }
            if (e.statusCode() == 503 || e.statusCode() == 500 || e.isThrottlingException()) {
                throw new RetryableStepException("S3 " + what + " in " + bucket + " failed transiently: "
                        + e.statusCode(), e);
            }
            throw new ObjectStoreException("S3 " + what + " in " + bucket + " failed: " + e.getMessage(), e);
        } catch (SdkClientException e) {
            throw new RetryableStepException("S3 " + what + " in " + bucket + " could not be reached: " + e.getMessage(), e);
        }
    }
}
