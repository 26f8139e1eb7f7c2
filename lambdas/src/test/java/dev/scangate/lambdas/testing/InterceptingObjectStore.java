package dev.scangate.lambdas.testing;

import dev.scangate.lambdas.core.storage.CopyResult;
import dev.scangate.lambdas.core.storage.ObjectHeaders;
import dev.scangate.lambdas.core.storage.ObjectStore;
import dev.scangate.lambdas.core.storage.StoredObject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A real object store with hooks around copy and delete, to simulate a crash or a producer
 * writing at the worst moment. Hooks run on the calling thread.
 */
public final class InterceptingObjectStore implements ObjectStore {

    private final ObjectStore delegate;
    private volatile Consumer<String> afterCopy = key -> { };
    private volatile Consumer<String> beforeDeleteVersion = key -> { };
    private final AtomicInteger copies = new AtomicInteger();

    public InterceptingObjectStore(ObjectStore delegate) {
        this.delegate = delegate;
    }

    /** Runs after each successful copy, with the source key. */
    public InterceptingObjectStore afterCopy(Consumer<String> hook) {
        this.afterCopy = hook;
        return this;
    }

    /** Runs before each version delete, with the key; throw to simulate a crash. */
    public InterceptingObjectStore beforeDeleteVersion(Consumer<String> hook) {
        this.beforeDeleteVersion = hook;
        return this;
    }

    public int copies() {
        return copies.get();
    }

    @Override
    public Listing listLatest(String bucket, int maxObjects, long maxBytes) {
        return delegate.listLatest(bucket, maxObjects, maxBytes);
    }

    @Override
    public Optional<StoredObject> head(String bucket, String key, String versionId) {
        return delegate.head(bucket, key, versionId);
    }

    @Override
    public Map<String, String> tags(String bucket, String key, String versionId) {
        return delegate.tags(bucket, key, versionId);
    }

    @Override
    public void putTags(String bucket, String key, String versionId, Map<String, String> tags) {
        delegate.putTags(bucket, key, versionId, tags);
    }

    @Override
    public CopyResult copy(StoredObject source, String targetBucket, String targetKey, ObjectHeaders headers,
                           Map<String, String> metadata) {
        var result = delegate.copy(source, targetBucket, targetKey, headers, metadata);
        copies.incrementAndGet();
        afterCopy.accept(source.key());
        return result;
    }

    @Override
    public void deleteVersion(String bucket, String key, String versionId) {
        beforeDeleteVersion.accept(key);
        delegate.deleteVersion(bucket, key, versionId);
    }

    @Override
    public void delete(String bucket, String key) {
        delegate.delete(bucket, key);
    }

    @Override
    public Optional<byte[]> read(String bucket, String key) {
        return delegate.read(bucket, key);
    }

    @Override
    public void write(String bucket, String key, byte[] content, String contentType) {
        delegate.write(bucket, key, content, contentType);
    }
}
