package dev.scangate.lambdas.core.move;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scangate.lambdas.core.storage.CopyResult;
import dev.scangate.lambdas.core.storage.ObjectHeaders;
import dev.scangate.lambdas.core.storage.ObjectStore;
import dev.scangate.lambdas.core.storage.StoredObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ObjectMoverTest {

    /** Keeps one version per key; {@code corruption} alters what a copy writes. */
    static final class InMemoryStore implements ObjectStore {
        final Map<String, StoredObject> objects = new HashMap<>();
        final Map<String, Map<String, String>> tags = new HashMap<>();
        UnaryOperator<StoredObject> corruption = UnaryOperator.identity();
        int versions;
        int tagWrites;
        int tagReads;

        void put(StoredObject object) {
            objects.put(object.bucket() + "/" + object.key(), object);
        }

        @Override
        public Listing listLatest(String bucket, int maxObjects, long maxBytes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<StoredObject> head(String bucket, String key, String versionId) {
            return Optional.ofNullable(objects.get(bucket + "/" + key))
                    .filter(o -> versionId == null || versionId.equals(o.versionId()));
        }

        @Override
        public Map<String, String> tags(String bucket, String key, String versionId) {
            tagReads++;
            return tags.getOrDefault(bucket + "/" + key, Map.of());
        }

        @Override
        public void putTags(String bucket, String key, String versionId, Map<String, String> newTags) {
            tagWrites++;
            tags.put(bucket + "/" + key, Map.copyOf(newTags));
        }

        @Override
        public CopyResult copy(StoredObject source, String targetBucket, String targetKey, ObjectHeaders headers,
                               Map<String, String> metadata) {
            var copy = corruption.apply(new StoredObject(targetBucket, targetKey, "v" + (++versions), source.sizeBytes(),
                    source.eTag(), source.checksum(), headers, metadata));
            put(copy);
            // like S3's CopyObject with TaggingDirective COPY
            tags.put(targetBucket + "/" + targetKey, tags.getOrDefault(source.bucket() + "/" + source.key(), Map.of()));
            return new CopyResult(copy.versionId(), copy.eTag(), false);
        }

        @Override
        public void deleteVersion(String bucket, String key, String versionId) {
            objects.remove(bucket + "/" + key);
        }

        @Override
        public void delete(String bucket, String key) {
            objects.remove(bucket + "/" + key);
        }

        @Override
        public Optional<byte[]> read(String bucket, String key) {
            return Optional.empty();
        }

        @Override
        public void write(String bucket, String key, byte[] content, String contentType) {
        }
    }

    final InMemoryStore store = new InMemoryStore();
    final ObjectMover mover = new ObjectMover(store);
    final MoveRequest request = new MoveRequest("raw", "a.txt", "raw-v1", "stage", "runs/r/a.txt", "raw-v1", "etag1",
            Map.of("ScanGateRun", "r"));

    ObjectMoverTest() {
        store.put(new StoredObject("raw", "a.txt", "raw-v1", 10, "etag1", "CRC32:abc=",
                ObjectHeaders.ofContentType("text/plain"), Map.of("producer", "p")));
        store.putTags("raw", "a.txt", "raw-v1", Map.of("owner", "team"));
        store.tagWrites = 0;
        store.tagReads = 0;
    }

    @Test
    void move_whenNoTagsAreToBeSet_keepsTheTagsTheCopyCarriesWithoutReadingOrWritingThem() {
        var plain = new MoveRequest("raw", "a.txt", "raw-v1", "stage", "runs/r/a.txt", "raw-v1", "etag1", Map.of());

        assertThat(mover.move(plain)).isEqualTo(MoveOutcome.MOVED);

        assertThat(store.tagWrites).isZero();
        assertThat(store.tagReads).isZero();
        assertThat(store.tags("stage", "runs/r/a.txt", null)).containsExactlyEntriesOf(Map.of("owner", "team"));
    }

    @Test
    void move_whenCopyMatches_deletesTheSourceAndMergesTags() {
        assertThat(mover.move(request)).isEqualTo(MoveOutcome.MOVED);

        assertThat(store.head("raw", "a.txt", null)).isEmpty();
        var copy = store.head("stage", "runs/r/a.txt", null).orElseThrow();
        assertThat(copy.metadata()).containsEntry("producer", "p").containsEntry(ObjectMover.SOURCE_VERSION_METADATA, "raw-v1");
        assertThat(store.tags("stage", "runs/r/a.txt", null)).containsEntry("owner", "team").containsEntry("ScanGateRun", "r");
    }

    @Test
    void move_whenCopySizeDiffers_keepsTheSource() {
        store.corruption = o -> new StoredObject(o.bucket(), o.key(), o.versionId(), 9, o.eTag(), o.checksum(), o.headers(), o.metadata());

        assertThatThrownBy(() -> mover.move(request)).isInstanceOf(MoveVerificationException.class).hasMessageContaining("bytes");
        assertThat(store.head("raw", "a.txt", "raw-v1")).isPresent();
    }

    @Test
    void move_whenCopyETagDiffers_keepsTheSource() {
        store.corruption = o -> new StoredObject(o.bucket(), o.key(), o.versionId(), o.sizeBytes(), "other", o.checksum(), o.headers(), o.metadata());

        assertThatThrownBy(() -> mover.move(request)).isInstanceOf(MoveVerificationException.class).hasMessageContaining("ETag");
        assertThat(store.head("raw", "a.txt", "raw-v1")).isPresent();
    }

    @Test
    void move_whenCopyChecksumDiffers_keepsTheSource() {
        store.corruption = o -> new StoredObject(o.bucket(), o.key(), o.versionId(), o.sizeBytes(), "x-2", "CRC32:zzz=", o.headers(), o.metadata());

        assertThatThrownBy(() -> mover.move(request)).isInstanceOf(MoveVerificationException.class).hasMessageContaining("checksum");
        assertThat(store.head("raw", "a.txt", "raw-v1")).isPresent();
    }

    @Test
    void move_whenSourceGoneAndNoCopyOfOurs_reportsSourceMissing() {
        store.delete("raw", "a.txt");

        assertThat(mover.move(request)).isEqualTo(MoveOutcome.SOURCE_MISSING);
        assertThat(store.head("stage", "runs/r/a.txt", null)).isEmpty();
    }

    @Test
    void move_whenAlreadyCopied_onlyFinishesTheDelete() {
        store.put(new StoredObject("stage", "runs/r/a.txt", "v9", 10, "etag1", null, ObjectHeaders.ofContentType("text/plain"),
                Map.of(ObjectMover.SOURCE_VERSION_METADATA, "raw-v1")));

        assertThat(mover.move(request)).isEqualTo(MoveOutcome.ALREADY_MOVED);
        assertThat(store.versions).isZero();
        assertThat(store.head("raw", "a.txt", null)).isEmpty();
    }
}
