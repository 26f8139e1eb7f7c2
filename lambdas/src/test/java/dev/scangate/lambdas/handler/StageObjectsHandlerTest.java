package dev.scangate.lambdas.handler;

import static dev.scangate.lambdas.testing.Invocations.invoke;
import static dev.scangate.lambdas.testing.PipelineBuckets.RAW;
import static dev.scangate.lambdas.testing.PipelineBuckets.SCAN_STAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scangate.lambdas.aws.s3.S3ObjectStore;
import dev.scangate.lambdas.core.StepInputException;
import dev.scangate.lambdas.core.config.Environment;
import dev.scangate.lambdas.testing.Buckets;
import dev.scangate.lambdas.testing.Invocations;
import dev.scangate.lambdas.testing.InterceptingObjectStore;
import dev.scangate.lambdas.testing.PipelineBuckets;
import dev.scangate.lambdas.testing.S3MockExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StageObjectsHandlerTest {

    @RegisterExtension
    static final S3MockExtension S3 = new S3MockExtension();

    static final List<String> ODD_KEYS = List.of(
            "plain.csv",
            "with space/and more spaces.txt",
            "unicode/Grüße-日本語-ñ.json",
            "plus+sign/a+b.txt",
            "percent/100%25 and %20 literal.txt",
            "deep/a/b/c/d/e/f/g/h/i/j/k/leaf.txt",
            "empty/zero-bytes.bin");

    PipelineBuckets pipeline;
    Buckets buckets;

    @BeforeEach
    void setUp() {
        pipeline = PipelineBuckets.create(S3);
        buckets = S3.buckets();
    }

    @Test
    void stage_whenRawHasOddKeysAndEmptyObjects_movesExactVersionsKeepingHeadersAndTags() {
        for (var key : ODD_KEYS) {
            var content = key.startsWith("empty/") ? new byte[0] : ("content of " + key).getBytes(StandardCharsets.UTF_8);
            buckets.put(RAW, key, content, "text/csv", Map.of("producer", "team-a"), Map.of("owner", "team-a", "k", "v"));
        }

        var result = invoke(handler(), event("run-1", 0));

        assertThat(result.get("runId").asText()).isEqualTo("run-1");
        assertThat(result.get("manifestKey").asText()).isEqualTo("manifests/run-1.json");
        assertThat(result.get("objectCount").asInt()).isEqualTo(ODD_KEYS.size());
        assertThat(result.get("done").asBoolean()).isTrue();
        assertThat(result.get("truncated").asBoolean()).isFalse();
        assertThat(buckets.keys(RAW)).isEmpty();
        for (var key : ODD_KEYS) {
            var staged = "runs/run-1/" + key;
            var expected = key.startsWith("empty/") ? "" : "content of " + key;
            assertThat(buckets.read(SCAN_STAGE, staged)).as(staged).contains(expected);
            var head = buckets.head(SCAN_STAGE, staged).orElseThrow();
            assertThat(head.contentType()).isEqualTo("text/csv");
            assertThat(head.metadata()).containsEntry("producer", "team-a").containsKey("scangate-source-version-id")
                    .containsKey("scangate-source-etag");
            assertThat(buckets.tags(SCAN_STAGE, staged)).containsExactlyInAnyOrderEntriesOf(Map.of("owner", "team-a", "k", "v"));
        }
        var manifest = Invocations.parse(buckets.read(SCAN_STAGE, "manifests/run-1.json").orElseThrow());
        assertThat(manifest.get("rawBucket").asText()).isEqualTo(RAW);
        assertThat(manifest.get("objects")).hasSize(ODD_KEYS.size());
        assertThat(manifest.get("objects").get(0).get("versionId").asText()).isNotBlank();
        assertThat(manifest.get("objects").get(0).get("eTag").asText()).doesNotContain("\"");
    }

    @Test
    void stage_whenRawIsEmpty_reportsNothingToScanWithAnEmptyManifest() {
        var result = invoke(handler(), event("run-0", 0));

        assertThat(result.get("objectCount").asInt()).isZero();
        assertThat(result.get("byteCount").asLong()).isZero();
        assertThat(result.get("done").asBoolean()).isTrue();
        assertThat(Invocations.parse(buckets.read(SCAN_STAGE, "manifests/run-0.json").orElseThrow()).get("objects")).isEmpty();
    }

    @Test
    void stage_whenRunTwice_endsInTheSameStateWithoutDuplicateCopies() {
        buckets.put(RAW, "a.txt", "a");
        buckets.put(RAW, "b.txt", "b");

        var first = invoke(handler(), event("run-2", 0));
        var second = invoke(handler(), event("run-2", 0));

        assertThat(second).isEqualTo(first);
        assertThat(buckets.keys(RAW)).isEmpty();
        assertThat(buckets.versions(SCAN_STAGE).stream().map(v -> v.key()).filter(k -> k.startsWith("runs/")))
                .containsExactlyInAnyOrder("runs/run-2/a.txt", "runs/run-2/b.txt");
    }

    @Test
    void stage_whenCrashBetweenCopyAndDelete_reRunLosesAndDuplicatesNothing() {
        buckets.put(RAW, "a.txt", "a");
        var store = intercepting().beforeDeleteVersion(key -> {
            throw new IllegalStateException("simulated crash before deleting " + key);
        });
        assertThatThrownBy(() -> invoke(new StageObjectsHandler(store, pipeline.environment()), event("run-3", 0)))
                .hasMessageContaining("simulated crash");
        assertThat(buckets.read(RAW, "a.txt")).contains("a");

        var rerun = intercepting();
        invoke(new StageObjectsHandler(rerun, pipeline.environment()), event("run-3", 0));

        assertThat(rerun.copies()).isZero();
        assertThat(buckets.versions(RAW)).isEmpty();
        assertThat(buckets.versions(SCAN_STAGE).stream().filter(v -> v.key().startsWith("runs/")))
                .singleElement().satisfies(v -> assertThat(v.key()).isEqualTo("runs/run-3/a.txt"));
        assertThat(buckets.read(SCAN_STAGE, "runs/run-3/a.txt")).contains("a");
    }

    @Test
    void stage_whenOverwrittenBetweenListingAndDelete_newVersionStaysInRaw() {
        buckets.put(RAW, "a.txt", "old");
        var overwritten = new AtomicBoolean();
        var store = intercepting().afterCopy(key -> {
            if (overwritten.compareAndSet(false, true)) {
                buckets.put(RAW, key, "new");
            }
        });

        invoke(new StageObjectsHandler(store, pipeline.environment()), event("run-4", 0));

        assertThat(buckets.read(SCAN_STAGE, "runs/run-4/a.txt")).contains("old");
        assertThat(buckets.read(RAW, "a.txt")).contains("new");
        assertThat(buckets.versions(RAW)).hasSize(1);
    }

    @Test
    void stage_whenTwoRunsStageTheSameKey_keepsThemApart() {
        buckets.put(RAW, "shared.txt", "first");
        invoke(handler(), event("run-a", 0));
        buckets.put(RAW, "shared.txt", "second");
        invoke(handler(), event("run-b", 0));
        invoke(handler(), event("run-a", 0));

        assertThat(buckets.read(SCAN_STAGE, "runs/run-a/shared.txt")).contains("first");
        assertThat(buckets.read(SCAN_STAGE, "runs/run-b/shared.txt")).contains("second");
        assertThat(buckets.keys(RAW)).isEmpty();
    }

    @Test
    void stage_whenManifestExists_continuesFromItInsteadOfListingAgain() {
        buckets.put(RAW, "a.txt", "a");
        invoke(handler(), event("run-5", 0));
        buckets.put(RAW, "late.txt", "written after the snapshot");

        var again = invoke(handler(), event("run-5", 0));

        assertThat(again.get("objectCount").asInt()).isEqualTo(1);
        assertThat(buckets.read(RAW, "late.txt")).contains("written after the snapshot");
    }

    @Test
    void stage_whenChunked_returnsCursorsUntilDone() {
        for (int i = 0; i < 5; i++) {
            buckets.put(RAW, "k" + i, "v" + i);
        }
        var handler = new StageObjectsHandler(pipeline.with("CHUNK_OBJECTS", "2").with("COPY_CONCURRENCY", "2").environment());

        var first = invoke(handler, event("run-6", 0));
        var second = invoke(handler, event("run-6", first.get("cursor").asInt()));
        var third = invoke(handler, event("run-6", second.get("cursor").asInt()));

        assertThat(List.of(first.get("cursor").asInt(), second.get("cursor").asInt(), third.get("cursor").asInt()))
                .containsExactly(2, 4, 5);
        assertThat(List.of(first.get("done").asBoolean(), second.get("done").asBoolean(), third.get("done").asBoolean()))
                .containsExactly(false, false, true);
        assertThat(buckets.keys(RAW)).isEmpty();
        assertThat(buckets.keys(SCAN_STAGE)).filteredOn(k -> k.startsWith("runs/run-6/")).hasSize(5);
    }

    @Test
    void stage_whenRawExceedsRunLimits_leavesTheRestForTheNextRun() {
        for (int i = 0; i < 5; i++) {
            buckets.put(RAW, "k" + i, "0123456789");
        }
        var result = invoke(new StageObjectsHandler(pipeline.with("MAX_OBJECTS_PER_RUN", "3").environment()),
                event("run-7", 0));
        var byBytes = invoke(new StageObjectsHandler(pipeline.with("MAX_OBJECTS_PER_RUN", "100")
                .with("MAX_BYTES_PER_RUN", "15").environment()), event("run-8", 0));

        assertThat(result.get("objectCount").asInt()).isEqualTo(3);
        assertThat(result.get("truncated").asBoolean()).isTrue();
        assertThat(byBytes.get("objectCount").asInt()).isEqualTo(1);
        assertThat(byBytes.get("byteCount").asLong()).isEqualTo(10);
        assertThat(buckets.keys(RAW)).hasSize(1);
    }

    @Test
    void stage_whenAboveMultipartThreshold_copiesInPartsAndKeepsEverything() {
        var content = new byte[11 * 1024 * 1024 + 17];
        new Random(42).nextBytes(content);
        buckets.put(RAW, "big/object.bin", content, "application/octet-stream", Map.of("m", "1"), Map.of("t", "2"));
        var env = pipeline.with("MULTIPART_THRESHOLD_BYTES", String.valueOf(6 * 1024 * 1024))
                .with("MULTIPART_PART_SIZE_BYTES", String.valueOf(5 * 1024 * 1024)).environment();

        var rawChecksum = S3.client().headObject(b -> b.bucket(RAW).key("big/object.bin").checksumMode("ENABLED")).checksumCRC32();

        invoke(new StageObjectsHandler(env), event("run-9", 0));

        var staged = "runs/run-9/big/object.bin";
        assertThat(buckets.readBytes(SCAN_STAGE, staged)).isEqualTo(content);
        var head = buckets.head(SCAN_STAGE, staged).orElseThrow();
        assertThat(head.eTag()).contains("-");
        assertThat(S3.client().headObject(b -> b.bucket(SCAN_STAGE).key(staged).checksumMode("ENABLED")).checksumCRC32())
                .isNotNull().isEqualTo(rawChecksum);
        assertThat(head.contentType()).isEqualTo("application/octet-stream");
        assertThat(head.metadata()).containsEntry("m", "1");
        assertThat(buckets.tags(SCAN_STAGE, staged)).containsEntry("t", "2");
        assertThat(buckets.keys(RAW)).isEmpty();
    }

    @Test
    void stage_whenNoIdAndExecutionNameInvalid_namesTheFieldAndMovesNothing() {
        buckets.put(RAW, "a.txt", "a");

        assertThatThrownBy(() -> invoke(handler(), "{\"executionInput\": {}, \"executionName\": \"bad name!\", \"cursor\": 0}"))
                .isInstanceOf(StepInputException.class)
                .satisfies(e -> assertThat(((StepInputException) e).field()).isEqualTo("executionName"));
        assertThatThrownBy(() -> invoke(handler(), "{\"executionInput\": {}, \"cursor\": 0}"))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("executionName:");
        assertThatThrownBy(() -> invoke(handler(), "{\"executionInput\": {\"id\": \"../escape\"}, \"executionName\": \"ok\"}"))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("id:");
        assertThatThrownBy(() -> invoke(handler(), "{\"executionInput\": {\"id\": 42}, \"executionName\": \"ok\"}"))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("id:");
        assertThat(buckets.keys(RAW)).containsExactly("a.txt");
        assertThat(buckets.keys(SCAN_STAGE)).isEmpty();
    }

    @Test
    void stage_whenEventMalformed_namesTheProblemAndMovesNothing() {
        buckets.put(RAW, "a.txt", "a");

        assertThatThrownBy(() -> invoke(handler(), "{not json")).isInstanceOf(StepInputException.class)
                .hasMessageStartingWith("event:");
        assertThatThrownBy(() -> invoke(handler(), "[1, 2]")).isInstanceOf(StepInputException.class)
                .hasMessageStartingWith("event:");
        assertThatThrownBy(() -> invoke(handler(), "{\"executionInput\": {\"id\": \"r\"}, \"cursor\": \"zero\"}"))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("cursor:");
        assertThatThrownBy(() -> invoke(handler(), "{\"executionInput\": \"r\", \"executionName\": \"r\"}"))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("executionInput:");
        assertThat(buckets.keys(RAW)).containsExactly("a.txt");
    }

    @Test
    void stage_whenRawBucketDoesNotExist_namesTheVariableAndMovesNothing() {
        buckets.put(RAW, "a.txt", "a");
        var handler = new StageObjectsHandler(pipeline.with("RAW_BUCKET", "no-such-bucket").environment());

        assertThatThrownBy(() -> invoke(handler, event("run-10", 0))).isInstanceOf(StepInputException.class)
                .hasMessageContaining("RAW_BUCKET").hasMessageContaining("no-such-bucket");
        assertThat(buckets.keys(RAW)).containsExactly("a.txt");
    }

    @Test
    void stage_whenIdGiven_usesItOverTheExecutionName() {
        buckets.put(RAW, "a.txt", "a");

        JsonNode result = invoke(handler(), "{\"executionInput\": {\"id\": \"sched-123\"}, \"executionName\": \"exec\", \"cursor\": 0}");

        assertThat(result.get("runId").asText()).isEqualTo("sched-123");
        assertThat(buckets.keys(SCAN_STAGE)).contains("runs/sched-123/a.txt");
    }

    private StageObjectsHandler handler() {
        return new StageObjectsHandler(pipeline.environment());
    }

    private InterceptingObjectStore intercepting() {
        var env = pipeline.environment();
        return new InterceptingObjectStore(S3ObjectStore.fromEnvironment(
                dev.scangate.lambdas.aws.AwsClientFactory.fromEnvironment(env), Environment.of(env)));
    }

    static Map<String, Object> event(String id, int cursor) {
        return Map.of("executionInput", Map.of("id", id), "executionName", "exec-" + id, "cursor", cursor);
    }
}
