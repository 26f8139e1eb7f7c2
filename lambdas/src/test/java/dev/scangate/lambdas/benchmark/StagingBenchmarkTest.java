package dev.scangate.lambdas.benchmark;

import static dev.scangate.lambdas.testing.Invocations.invoke;
import static dev.scangate.lambdas.testing.PipelineBuckets.RAW;
import static dev.scangate.lambdas.testing.PipelineBuckets.SCAN_STAGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scangate.lambdas.handler.StageObjectsHandler;
import dev.scangate.lambdas.testing.PipelineBuckets;
import dev.scangate.lambdas.testing.S3MockExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Staging throughput with parallel moves against a sequential baseline measured in the same run.
 * Prints one JSON line per figure; asserts only that everything was moved.
 */
class StagingBenchmarkTest {

    static final int OBJECTS = 24;

    @RegisterExtension
    static final S3MockExtension S3 = new S3MockExtension();

    @Test
    void stage_whenParallel_isMeasuredAgainstSequential() {
        var pipeline = PipelineBuckets.create(S3);
        double baseline = objectsPerSecond(pipeline, "bench-seq", 1);
        double parallel = objectsPerSecond(pipeline, "bench-par", 16);

        System.out.printf("{\"benchmark\":\"stage_objects\",\"figure\":\"objects_per_second\",\"objects\":%d,"
                + "\"concurrency\":16,\"value\":%.1f,\"baseline\":%.1f,\"baselineConcurrency\":1}%n", OBJECTS, parallel, baseline);
    }

    private static double objectsPerSecond(PipelineBuckets pipeline, String runId, int concurrency) {
        var buckets = S3.buckets();
        for (int i = 0; i < OBJECTS; i++) {
            buckets.put(RAW, "bench/" + i + ".txt", "payload " + i);
        }
        var handler = new StageObjectsHandler(pipeline.with("COPY_CONCURRENCY", String.valueOf(concurrency)).environment());
        long start = System.nanoTime();
        invoke(handler, Map.of("executionInput", Map.of("id", runId), "cursor", 0));
        long elapsed = System.nanoTime() - start;
        assertThat(buckets.keys(RAW)).isEmpty();
        assertThat(buckets.keys(SCAN_STAGE)).filteredOn(k -> k.startsWith("runs/" + runId + "/")).hasSize(OBJECTS);
        return OBJECTS / (elapsed / 1e9);
    }
}
