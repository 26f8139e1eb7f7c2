package dev.scangate.it;

import static dev.scangate.local.runtime.LocalResources.CURATED_BUCKET;
import static dev.scangate.local.runtime.LocalResources.MANUAL_REVIEW_BUCKET;
import static dev.scangate.local.runtime.LocalResources.RAW_BUCKET;
import static dev.scangate.local.runtime.LocalResources.SCAN_STAGE_BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scangate.it.support.ReviewHttp;
import dev.scangate.it.support.S3Gate;
import dev.scangate.it.support.Samples;
import dev.scangate.it.support.TestRuntime;
import dev.scangate.local.runtime.LocalConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The runtime stops in the middle of a move (copy → verify → delete the exact source version):
 * the third object of a run is copied and verified, its source not yet deleted, the first two are
 * moved and the rest untouched. A new runtime on the same data directory finishes the run, and
 * every object ends in exactly one place.
 */
class RestartWhileMovingEndToEndTest {

    /** Two objects per invocation, one at a time: the stop falls inside the second chunk, at a known object. */
    private static final Map<String, String> SMALL_CHUNKS = Map.of("CHUNK_OBJECTS", "2", "COPY_CONCURRENCY", "1");

    @TempDir
    Path dataDir;

    @TempDir
    Path scratch;

    @Test
    void stage_whenTheRuntimeStoppedBetweenCopyAndDelete_finishesTheRunWithEachObjectCuratedOnce() {
        String runId = "stopped-staging";
        LocalConfig config = TestRuntime.config(dataDir, 0).build();
        Map<String, byte[]> clean = Samples.under(scratch, runId, false);
        String staged = "runs/" + runId + "/";
        var gate = S3Gate.holdingNth(3, call -> call.isVersionDelete(RAW_BUCKET, runId + "/"));
        String executionArn;
        try (var first = TestRuntime.start(TestRuntime.assemble(config).stepEnvironment(SMALL_CHUNKS).extension(gate))) {
            clean.forEach(first::putRaw);
            executionArn = first.startRun(runId);
            var held = gate.awaitHeld();

            assertThat(first.keys(SCAN_STAGE_BUCKET, staged)).as("two moved, the third copied")
                    .hasSize(3).contains(staged + held.key());
            assertThat(first.keys(RAW_BUCKET, runId + "/")).as("the third's source is still there, the rest untouched")
                    .hasSize(clean.size() - 2).contains(held.key());
        }

        try (var second = TestRuntime.start(TestRuntime.assemble(config).stepEnvironment(SMALL_CHUNKS))) {
            var end = second.awaitEnd(executionArn);

            assertThat(end.status()).as(end.error() + ": " + end.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            clean.forEach((key, bytes) -> {
                assertThat(second.read(CURATED_BUCKET, key)).as(key).isEqualTo(bytes);
                assertThat(second.versionCount(CURATED_BUCKET, key)).as("curated once: " + key).isEqualTo(1);
            });
            assertThat(second.versionsUnder(RAW_BUCKET, runId + "/")).as("each source version deleted, none left").isEmpty();
            assertThat(second.versionsUnder(SCAN_STAGE_BUCKET, staged)).as("each staged copy deleted").isEmpty();
            assertThat(second.versionsUnder(MANUAL_REVIEW_BUCKET, staged)).isEmpty();
            assertReport(second, runId, clean.keySet().stream().toList());
            assertThat(second.report(runId).path("counts").path("clean").asInt()).isEqualTo(clean.size());
            assertThat(second.eventTypes(runId)).containsOnlyOnce("ScanGate Run All Clean");
        }
    }

    @Test
    void route_whenTheRuntimeStoppedBetweenCopyAndDelete_finishesTheRunWithEachObjectInOnePlace() {
        String runId = "stopped-routing";
        LocalConfig config = TestRuntime.config(dataDir, 0).build();
        var objects = new LinkedHashMap<String, byte[]>(Samples.under(scratch, runId, false));
        objects.putAll(Samples.under(scratch, runId, true));
        String staged = "runs/" + runId + "/";
        var gate = S3Gate.holdingNth(3, call -> call.isVersionDelete(SCAN_STAGE_BUCKET, staged));
        String executionArn;
        try (var first = TestRuntime.start(TestRuntime.assemble(config).stepEnvironment(SMALL_CHUNKS).extension(gate))) {
            objects.forEach(first::putRaw);
            executionArn = first.startRun(runId);
            var held = gate.awaitHeld();

            String key = held.key().substring(staged.length());
            JsonNode entry = first.reportObject(runId, key);
            boolean clean = entry.path("verdict").asText().equals("CLEAN");
            assertThat(first.exists(clean ? CURATED_BUCKET : MANUAL_REVIEW_BUCKET, clean ? key : staged + key))
                    .as("the third is copied to where it goes").isTrue();
            assertThat(first.keys(SCAN_STAGE_BUCKET, staged)).as("two routed, the third's staged copy still there")
                    .hasSize(objects.size() - 2).contains(held.key());
            assertThat(routes(first.report(runId))).as("the first chunk's routes are recorded, the second's not").hasSize(2);
        }

        try (var second = TestRuntime.start(TestRuntime.assemble(config).stepEnvironment(SMALL_CHUNKS))) {
            var link = second.awaitApprovalRequest(runId).reviewLink().orElseThrow();
            var held = new ArrayList<String>();
            for (JsonNode o : second.report(runId).path("objects")) {
                if (!o.path("verdict").asText().equals("CLEAN")) {
                    held.add(o.path("key").asText());
                }
            }
            assertThat(second.keys(MANUAL_REVIEW_BUCKET, staged)).as("each held object waits once")
                    .containsExactlyInAnyOrderElementsOf(held.stream().map(k -> staged + k).toList());
            var decisions = new LinkedHashMap<String, String>();
            held.forEach(k -> decisions.put(k, "APPROVE"));
            var response = new ReviewHttp().decide(link, decisions, TestRuntime.APPROVER);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            var end = second.awaitEnd(executionArn);

            assertThat(end.status()).as(end.error() + ": " + end.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            objects.forEach((key, bytes) -> {
                assertThat(second.read(CURATED_BUCKET, key)).as(key).isEqualTo(bytes);
                assertThat(second.versionCount(CURATED_BUCKET, key)).as("curated once: " + key).isEqualTo(1);
            });
            assertThat(second.versionsUnder(RAW_BUCKET, runId + "/")).isEmpty();
            assertThat(second.versionsUnder(SCAN_STAGE_BUCKET, staged)).as("each staged copy deleted").isEmpty();
            assertThat(second.versionsUnder(MANUAL_REVIEW_BUCKET, staged)).as("each approved object moved on").isEmpty();
            assertReport(second, runId, List.copyOf(objects.keySet()));
            assertThat(held).isNotEmpty().allSatisfy(k -> assertThat(second.reportObject(runId, k).path("decision")
                    .path("action").asText()).as(k).isEqualTo("APPROVE"));
            assertThat(second.outbox().messages(m -> m.subject().endsWith("run " + runId))).as("one approval mail").hasSize(1);
            assertThat(second.eventTypes(runId)).containsOnlyOnce("ScanGate Run Reviewed");
        }
    }

    /** The report lists each object once, counts add up, and each route says it is in curated at its own key. */
    private static void assertReport(TestRuntime runtime, String runId, List<String> keys) {
        JsonNode report = runtime.report(runId);
        var listed = new ArrayList<String>();
        report.path("objects").forEach(o -> listed.add(o.path("key").asText()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(keys);
        JsonNode counts = report.path("counts");
        assertThat(counts.path("total").asInt()).isEqualTo(keys.size())
                .isEqualTo(counts.path("clean").asInt() + counts.path("flagged").asInt() + counts.path("unscanned").asInt());
        report.path("objects").forEach(o -> assertThat(o.path("route").path("bucket").asText() + "/" + o.path("route").path("key").asText())
                .as(o.path("key").asText()).isEqualTo(CURATED_BUCKET + "/" + o.path("key").asText()));
    }

    private static List<JsonNode> routes(JsonNode report) {
        var routes = new ArrayList<JsonNode>();
        report.path("objects").forEach(o -> {
            if (!o.path("route").isNull() && !o.path("route").isMissingNode()) {
                routes.add(o.path("route"));
            }
        });
        return routes;
    }
}
