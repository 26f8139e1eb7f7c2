package dev.scangate.lambdas.core.staging;

import dev.scangate.lambdas.core.config.Environment;

/** Per-run limits and per-invocation work bounds for staging. */
public record StagingSettings(int maxObjectsPerRun, long maxBytesPerRun, int copyConcurrency, int chunkObjects) {

    public static StagingSettings from(Environment environment) {
        return new StagingSettings(
                environment.positiveInt("MAX_OBJECTS_PER_RUN", 100_000),
                environment.positiveLong("MAX_BYTES_PER_RUN", 1L << 40),
                environment.positiveInt("COPY_CONCURRENCY", 16),
                environment.positiveInt("CHUNK_OBJECTS", 2_000));
    }
}
