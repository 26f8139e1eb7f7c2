package dev.scangate.local.commands.aws;

import dev.scangate.local.commands.port.ObjectStore;
import dev.scangate.local.commands.port.ServiceException.Kind;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * {@link ObjectStore} over S3. Files above the multipart threshold go up in parts, because a
 * single PutObject stops at 5 GiB; an interrupted multipart upload is aborted so no parts linger.
 */
public final class S3ObjectStore implements ObjectStore {

    /** 64 MiB / 16 MiB: large enough to keep request counts low, small enough to retry cheaply. */
    public static final long DEFAULT_MULTIPART_THRESHOLD = 64L * 1024 * 1024;
    public static final long DEFAULT_PART_SIZE = 16L * 1024 * 1024;
    private static final long MIN_PART_SIZE = 5L * 1024 * 1024;

    private final S3Client s3;
    private final long multipartThreshold;
    private final long partSize;
    private final Optional<URI> endpoint;

    public S3ObjectStore(S3Client s3) {
        this(s3, DEFAULT_MULTIPART_THRESHOLD, DEFAULT_PART_SIZE);
    }

    public S3ObjectStore(S3Client s3, long multipartThreshold, long partSize) {
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("partSize must be at least 5 MiB (S3's minimum), was " + partSize);
        }
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.multipartThreshold = multipartThreshold;
        this.partSize = partSize;
        this.endpoint = SdkErrors.endpointOf(s3);
    }

    @Override
    public void put(String bucket, String key, Path file, String contentType, LongConsumer progress) {
        long size = sizeOf(file);
        try {
            if (size > multipartThreshold) {
                putMultipart(bucket, key, file, size, contentType, progress);
            } else {
                s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).contentLength(size),
                        RequestBody.fromContentProvider(() -> counting(open(file, 0), 0, progress), size, contentType));
            }
        } catch (NoSuchBucketException e) {
            throw SdkErrors.of(Kind.NOT_FOUND, "bucket " + bucket + " does not exist", e);
        } catch (SdkException e) {
            throw SdkErrors.translate(e, "PutObject s3://" + bucket + "/" + key, endpoint);
        }
    }

    @Override
    public Optional<byte[]> get(String bucket, String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (NoSuchBucketException e) {
            throw SdkErrors.of(Kind.NOT_FOUND, "bucket " + bucket + " does not exist", e);
        } catch (SdkException e) {
            throw SdkErrors.translate(e, "GetObject s3://" + bucket + "/" + key, endpoint);
        }
    }

    private void putMultipart(String bucket, String key, Path file, long size, String contentType,
                              LongConsumer progress) {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(contentType)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long offset = 0;
            for (int number = 1; offset < size; number++) {
                long length = Math.min(partSize, size - offset);
                long start = offset;
                int partNumber = number;
                String eTag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)
                                .contentLength(length),
                        RequestBody.fromContentProvider(
                                () -> counting(bounded(open(file, start), length), start, progress), length, contentType))
                        .eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(eTag).build());
                offset += length;
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            abortQuietly(bucket, key, uploadId, e);
            throw e;
        }
    }

    private void abortQuietly(String bucket, String key, String uploadId, RuntimeException failure) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            failure.addSuppressed(e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(Path file, long position) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            channel.position(position);
            return Channels.newInputStream(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static InputStream bounded(InputStream in, long length) {
        return new FilterInputStream(in) {
            private long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(buf, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
    }

    /** Reports {@code base + bytes read}; a fresh stream (an SDK retry) starts again at {@code base}. */
    private static InputStream counting(InputStream in, long base, LongConsumer progress) {
        return new FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    progress.accept(base + ++read);
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    read += n;
                    progress.accept(base + read);
                }
                return n;
            }
        };
    }
}
