package dev.scangate.lambdas.handler;

import static dev.scangate.lambdas.testing.Invocations.invoke;
import static dev.scangate.lambdas.testing.PipelineBuckets.CURATED;
import static dev.scangate.lambdas.testing.PipelineBuckets.MANUAL_REVIEW;
import static dev.scangate.lambdas.testing.PipelineBuckets.RAW;
import static dev.scangate.lambdas.testing.PipelineBuckets.SCAN_STAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scangate.lambdas.aws.AwsClientFactory;
import dev.scangate.lambdas.aws.s3.S3ObjectStore;
import dev.scangate.lambdas.core.StepInputException;
import dev.scangate.lambdas.core.config.Environment;
import dev.scangate.lambdas.core.report.Verdict;
import dev.scangate.lambdas.testing.Buckets;
import dev.scangate.lambdas.testing.InterceptingObjectStore;
import dev.scangate.lambdas.testing.Invocations;
import dev.scangate.lambdas.testing.PipelineBuckets;
import dev.scangate.lambdas.testing.RunFixtures;
import dev.scangate.lambdas.testing.S3MockExtension;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RouteObjectsHandlerTest {

    @RegisterExtension
    static final S3MockExtension S3 = new S3MockExtension();

    PipelineBuckets pipeline;
    Buckets buckets;

    @BeforeEach
    void setUp() {
        pipeline = PipelineBuckets.create(S3);
        buckets = S3.buckets();
    }

    @Test
    void route_whenVerdictsKnown_sendsCleanToCuratedAndTheRestToManualReviewAddingTags() {
        stage("run-r", Map.of("clean/ok é+%.csv", Verdict.CLEAN, "flagged.csv", Verdict.FLAGGED,
                "unscanned.bin", Verdict.UNSCANNED, "empty.txt", Verdict.CLEAN));

        var result = invoke(handler(), event("run-r", 0));

        assertThat(result.get("done").asBoolean()).isTrue();
        assertThat(result.get("cursor").asInt()).isEqualTo(4);
        assertThat(result.get("curated").asInt()).isEqualTo(2);
        assertThat(result.get("manualReview").asInt()).isEqualTo(2);
        assertThat(buckets.read(CURATED, "clean/ok é+%.csv")).contains("content of clean/ok é+%.csv");
        assertThat(buckets.read(CURATED, "empty.txt")).contains("");
        assertThat(buckets.tags(CURATED, "clean/ok é+%.csv")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "owner", "team-a", "SensitiveDataFound", "false", "ScanGateRun", "run-r"));
        assertThat(buckets.head(CURATED, "clean/ok é+%.csv").orElseThrow().contentType()).isEqualTo("text/csv");
        assertThat(buckets.keys(MANUAL_REVIEW)).containsExactlyInAnyOrder("runs/run-r/flagged.csv", "runs/run-r/unscanned.bin");
        assertThat(buckets.tags(MANUAL_REVIEW, "runs/run-r/flagged.csv")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "owner", "team-a", "SensitiveDataFound", "true", "ScanGateRun", "run-r"));
        assertThat(buckets.keys(SCAN_STAGE)).noneMatch(k -> k.startsWith("runs/"));
        var report = report("run-r");
        assertThat(object(report, "flagged.csv").get("route").toString())
                .isEqualTo("{\"bucket\":\"" + MANUAL_REVIEW + "\",\"key\":\"runs/run-r/flagged.csv\"}");
        assertThat(object(report, "empty.txt").at("/route/bucket").asText()).isEqualTo(CURATED);
    }

    @Test
    void route_whenRunTwice_endsInTheSameStateWithoutDuplicates() {
        stage("run-t", Map.of("a.txt", Verdict.CLEAN, "b.txt", Verdict.FLAGGED));

        var first = invoke(handler(), event("run-t", 0));
        var second = invoke(handler(), event("run-t", 0));

        assertThat(second).isEqualTo(first);
        assertThat(buckets.versions(CURATED)).hasSize(1);
        assertThat(buckets.versions(MANUAL_REVIEW)).hasSize(1);
    }

    @Test
    void route_whenCrashBetweenCopyAndDelete_reRunLosesAndDuplicatesNothing() {
        stage("run-x", Map.of("a.txt", Verdict.CLEAN, "b.txt", Verdict.FLAGGED));
        var crashing = store().beforeDeleteVersion(key -> {
            throw new IllegalStateException("simulated crash before deleting " + key);
        });
        assertThatThrownBy(() -> invoke(new RouteObjectsHandler(crashing, pipeline.environment()), event("run-x", 0)))
                .hasMessageContaining("simulated crash");

        var rerun = store();
        var result = invoke(new RouteObjectsHandler(rerun, pipeline.environment()), event("run-x", 0));

        assertThat(rerun.copies()).isZero();
        assertThat(result.get("curated").asInt()).isEqualTo(1);
        assertThat(result.get("manualReview").asInt()).isEqualTo(1);
        assertThat(buckets.versions(CURATED)).hasSize(1);
        assertThat(buckets.versions(MANUAL_REVIEW)).hasSize(1);
        assertThat(buckets.keys(SCAN_STAGE)).noneMatch(k -> k.startsWith("runs/"));
        assertThat(buckets.tags(CURATED, "a.txt")).containsEntry("SensitiveDataFound", "false");
    }

    @Test
    void route_whenStagedKeyIsRewrittenDuringTheMove_newerVersionSurvives() {
        stage("run-w", Map.of("a.txt", Verdict.CLEAN));
        var once = new AtomicBoolean();
        var store = store().afterCopy(key -> {
            if (once.compareAndSet(false, true)) {
                buckets.put(SCAN_STAGE, key, "a newer staged write");
            }
        });

        invoke(new RouteObjectsHandler(store, pipeline.environment()), event("run-w", 0));

        assertThat(buckets.read(CURATED, "a.txt")).contains("content of a.txt");
        assertThat(buckets.read(SCAN_STAGE, "runs/run-w/a.txt")).contains("a newer staged write");
    }

    @Test
    void route_whenChunked_returnsCursorsUntilDone() {
        stage("run-k", Map.of("k0", Verdict.CLEAN, "k1", Verdict.FLAGGED, "k2", Verdict.CLEAN));
        var handler = new RouteObjectsHandler(pipeline.with("CHUNK_OBJECTS", "2").environment());

        var first = invoke(handler, event("run-k", 0));
        var second = invoke(handler, event("run-k", first.get("cursor").asInt()));

        assertThat(first.get("cursor").asInt()).isEqualTo(2);
        assertThat(first.get("done").asBoolean()).isFalse();
        assertThat(second.get("cursor").asInt()).isEqualTo(3);
        assertThat(second.get("done").asBoolean()).isTrue();
        assertThat(second.get("curated").asInt()).isEqualTo(2);
        assertThat(second.get("manualReview").asInt()).isEqualTo(1);
    }

    @Test
    void route_whenTwoRunsHoldTheSameKey_keepsThemApart() {
        buckets.put(RAW, "same.csv", "first");
        invoke(new StageObjectsHandler(pipeline.environment()), StageObjectsHandlerTest.event("run-1", 0));
        buckets.put(RAW, "same.csv", "second");
        invoke(new StageObjectsHandler(pipeline.environment()), StageObjectsHandlerTest.event("run-2", 0));
        RunFixtures.writeReport(pipeline, "run-1", Map.of("same.csv", Verdict.FLAGGED));
        RunFixtures.writeReport(pipeline, "run-2", Map.of("same.csv", Verdict.FLAGGED));

        invoke(handler(), event("run-2", 0));
        invoke(handler(), event("run-1", 0));

        assertThat(buckets.read(MANUAL_REVIEW, "runs/run-1/same.csv")).contains("first");
        assertThat(buckets.read(MANUAL_REVIEW, "runs/run-2/same.csv")).contains("second");
    }

    @Test
    void route_whenInputBad_namesTheFieldAndMovesNothing() {
        stage("run-b", Map.of("a.txt", Verdict.CLEAN));

        assertThatThrownBy(() -> invoke(handler(), "{\"runId\": \"run-b\", \"reportKey\": \"reports/other.json\", \"cursor\": 0}"))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("reportKey:");
        assertThatThrownBy(() -> invoke(handler(), event("run-none", 0)))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("reportKey:").hasMessageContaining("no report");
        assertThatThrownBy(() -> invoke(handler(), event("run-b", 5)))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("cursor:");
        assertThatThrownBy(() -> invoke(new RouteObjectsHandler(pipeline.with("CURATED_BUCKET", "missing-bucket").environment()),
                event("run-b", 0))).isInstanceOf(StepInputException.class).hasMessageStartingWith("CURATED_BUCKET:");
        assertThat(buckets.keys(SCAN_STAGE)).contains("runs/run-b/a.txt");
    }

    private void stage(String runId, Map<String, Verdict> verdicts) {
        verdicts.keySet().forEach(key -> buckets.put(RAW, key,
                (key.startsWith("empty") ? "" : "content of " + key).getBytes(StandardCharsets.UTF_8),
                "text/csv", Map.of(), Map.of("owner", "team-a")));
        invoke(new StageObjectsHandler(pipeline.environment()), StageObjectsHandlerTest.event(runId, 0));
        RunFixtures.writeReport(pipeline, runId, verdicts);
    }

    private RouteObjectsHandler handler() {
        return new RouteObjectsHandler(pipeline.environment());
    }

    private InterceptingObjectStore store() {
        var env = pipeline.environment();
        return new InterceptingObjectStore(S3ObjectStore.fromEnvironment(AwsClientFactory.fromEnvironment(env),
                Environment.of(env)));
    }

    static String event(String runId, int cursor) {
        return "{\"runId\": \"" + runId + "\", \"reportKey\": \"reports/" + runId + ".json\", \"cursor\": " + cursor + "}";
    }

    static JsonNode report(String runId) {
        return report(S3.buckets(), runId);
    }

    static JsonNode report(Buckets buckets, String runId) {
        return Invocations.parse(buckets.read(SCAN_STAGE, "reports/" + runId + ".json").orElseThrow());
    }

    static JsonNode object(JsonNode report, String key) {
        return StreamSupport.stream(report.get("objects").spliterator(), false)
                .filter(o -> o.get("key").asText().equals(key)).findFirst().orElseThrow();
    }
}
