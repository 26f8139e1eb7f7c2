package dev.scangate.lambdas.core.move;

import dev.scangate.lambdas.core.storage.ObjectStore;
import dev.scangate.lambdas.core.storage.StoredObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Copy, verify, then delete the exact source version. Safe to repeat at any point: the copy
 * carries the raw version id in its metadata, so a re-run recognises its own earlier copy and only
 * finishes what is missing; deleting by version id means a newer version written to the source
 * key meanwhile survives.
 */
public final class ObjectMover {

    /** Metadata on every copy: the raw version it came from. */
    public static final String SOURCE_VERSION_METADATA = "scangate-source-version-id";
    /** Metadata on every copy: the ETag of that raw version. */
    public static final String SOURCE_ETAG_METADATA = "scangate-source-etag";

    private final ObjectStore store;

    public ObjectMover(ObjectStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public MoveOutcome move(MoveRequest request) {
        Optional<StoredObject> source = store.head(request.sourceBucket(), request.sourceKey(), request.sourceVersionId());
        Optional<StoredObject> target = store.head(request.targetBucket(), request.targetKey(), null);
        if (target.isPresent() && isOurCopy(target.get(), request) && sourceMatches(source, target.get())) {
            var sourceTags = source.map(s -> store.tags(s.bucket(), s.key(), s.versionId()));
            var baseTags = sourceTags.orElseGet(() -> store.tags(request.targetBucket(), request.targetKey(),
                    target.get().versionId()));
            store.putTags(request.targetBucket(), request.targetKey(), target.get().versionId(),
                    merge(baseTags, request.tagsToSet()));
            source.ifPresent(this::deleteSource);
            return MoveOutcome.ALREADY_MOVED;
        }
        if (source.isEmpty()) {
            return MoveOutcome.SOURCE_MISSING;
        }
        var from = source.get();
        var metadata = new LinkedHashMap<>(from.metadata());
        metadata.put(SOURCE_VERSION_METADATA, request.rawVersionId());
        if (request.rawETag() != null) {
            metadata.put(SOURCE_ETAG_METADATA, request.rawETag());
        }
        var copy = store.copy(from, request.targetBucket(), request.targetKey(), from.headers(), metadata);
        verify(from, request, copy.versionId(), copy.multipart());
        // A single-part copy carries the source's tags already (TaggingDirective COPY); parts do not.
        // So the tags are read and written only when there is something to add or the copy had parts.
        if (copy.multipart() || !request.tagsToSet().isEmpty()) {
            var sourceTags = store.tags(from.bucket(), from.key(), from.versionId());
            store.putTags(request.targetBucket(), request.targetKey(), copy.versionId(), merge(sourceTags, request.tagsToSet()));
        }
        deleteSource(from);
        return MoveOutcome.MOVED;
    }

    private void verify(StoredObject from, MoveRequest request, String copyVersionId, boolean multipart) {
        var copy = store.head(request.targetBucket(), request.targetKey(), copyVersionId)
                .orElseThrow(() -> new MoveVerificationException("copy of " + describe(from) + " to "
                        + request.targetBucket() + "/" + request.targetKey() + " is not readable after copying"));
        if (copy.sizeBytes() != from.sizeBytes()) {
            throw new MoveVerificationException("copy of " + describe(from) + " has " + copy.sizeBytes()
                    + " bytes, the source " + from.sizeBytes() + "; source left in place");
        }
        // A single-part copy of a single-part object keeps the content MD5 as ETag; parts change it.
        if (!multipart && !from.hasMultipartETag() && !copy.hasMultipartETag()
                && !Objects.equals(copy.eTag(), from.eTag())) {
            throw new MoveVerificationException("copy of " + describe(from) + " has ETag " + copy.eTag()
                    + ", the source " + from.eTag() + "; source left in place");
        }
        // Where ETags cannot be compared (parts), a full-object checksum of the same algorithm can.
        if (from.checksum() != null && copy.checksum() != null
                && Objects.equals(from.checksumAlgorithm(), copy.checksumAlgorithm())
                && !from.checksum().equals(copy.checksum())) {
            throw new MoveVerificationException("copy of " + describe(from) + " has checksum " + copy.checksum()
                    + ", the source " + from.checksum() + "; source left in place");
        }
        if (!Objects.equals(copy.metadata().get(SOURCE_VERSION_METADATA), request.rawVersionId())) {
            throw new MoveVerificationException("copy of " + describe(from) + " lacks its provenance metadata");
        }
    }

    private void deleteSource(StoredObject source) {
        // Only ever a version we have just seen: a newer version of the key stays untouched.
        if (store.head(source.bucket(), source.key(), source.versionId()).isPresent()) {
            store.deleteVersion(source.bucket(), source.key(), source.versionId());
        }
    }

    private static boolean isOurCopy(StoredObject target, MoveRequest request) {
        return Objects.equals(target.metadata().get(SOURCE_VERSION_METADATA), request.rawVersionId());
    }

    private static boolean sourceMatches(Optional<StoredObject> source, StoredObject target) {
        return source.map(s -> s.sizeBytes() == target.sizeBytes()).orElse(true);
    }

    private static Map<String, String> merge(Map<String, String> base, Map<String, String> overrides) {
        var merged = new LinkedHashMap<>(base);
        merged.putAll(overrides);
        return merged;
    }

    private static String describe(StoredObject object) {
        return object.bucket() + "/" + object.key() + " (version " + object.versionId() + ")";
    }
}
