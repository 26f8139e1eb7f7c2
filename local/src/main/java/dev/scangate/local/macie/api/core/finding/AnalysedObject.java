package dev.scangate.local.macie.api.core.finding;

import dev.scangate.local.macie.api.core.ObjectStore;
import java.time.Instant;
import java.util.List;

/** What a job learned about one object: where it is, which version it read, its tags. */
public record AnalysedObject(
        ObjectStore.BucketInfo bucket,
        String key,
        long size,
        String eTag,
        String versionId,
        Instant lastModified,
        String storageClass,
        String encryptionType,
        String kmsKeyId,
        List<ObjectStore.Tag> tags) {

    public AnalysedObject {
        tags = List.copyOf(tags == null ? List.of() : tags);
    }
}
