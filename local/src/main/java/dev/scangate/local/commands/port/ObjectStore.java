package dev.scangate.local.commands.port;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongConsumer;

/** The S3 calls the commands make. Failures are {@link ServiceException}s. */
public interface ObjectStore {

    /**
     * Uploads one file. {@code progress} receives the bytes of this file sent so far; it may start
     * again from zero when the upload of a part is retried.
     */
    void put(String bucket, String key, Path file, String contentType, LongConsumer progress);

    /** The object's bytes, or empty when the bucket has no such key. */
    Optional<byte[]> get(String bucket, String key);
}
