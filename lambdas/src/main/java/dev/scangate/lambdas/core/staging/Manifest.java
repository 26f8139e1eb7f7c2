package dev.scangate.lambdas.core.staging;

import java.time.Instant;
import java.util.List;

/** The snapshot of raw taken once per run: {@code scan-stage/manifests/<runId>.json}. */
public record Manifest(String runId, Instant createdAt, String rawBucket, boolean truncated,
                       List<ManifestEntry> objects) {

    public Manifest {
        objects = List.copyOf(objects);
    }

    public long byteCount() {
        return objects.stream().mapToLong(ManifestEntry::sizeBytes).sum();
    }
}
