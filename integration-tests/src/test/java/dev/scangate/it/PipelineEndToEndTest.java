package dev.scangate.it;

import static dev.scangate.local.runtime.LocalResources.CURATED_BUCKET;
import static dev.scangate.local.runtime.LocalResources.MANUAL_REVIEW_BUCKET;
import static dev.scangate.local.runtime.LocalResources.RAW_BUCKET;
import static dev.scangate.local.runtime.LocalResources.SCAN_STAGE_BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scangate.it.support.ApprovalLink;
import dev.scangate.it.support.Mail;
import dev.scangate.it.support.ReviewHttp;
import dev.scangate.it.support.Samples;
import dev.scangate.it.support.TestRuntime;
import dev.scangate.local.events.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** The pipeline's main paths on one runtime, started as {@code scangate local up} starts it. */
class PipelineEndToEndTest {

    @TempDir
    static Path dataDir;

    private static TestRuntime runtime;
    private final ReviewHttp http = new ReviewHttp();

    @TempDir
    Path scratch;

    @BeforeAll
    static void startRuntime() {
        runtime = TestRuntime.start(TestRuntime.config(dataDir, TestRuntime.freePort()).build());
    }

    @AfterAll
    static void stopRuntime() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void run_whenEveryObjectIsClean_promotesAllToCuratedTaggedAndLeavesNothingBehind() {
        String runId = "clean-run";
        Map<String, byte[]> files = Samples.under(scratch, runId, false);
        files.forEach(runtime::putRaw);

        var end = runtime.awaitEnd(runtime.startRun(runId));

        assertThat(end.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        files.forEach((key, bytes) -> {
            assertThat(runtime.read(CURATED_BUCKET, key)).as(key).isEqualTo(bytes);
            assertThat(runtime.tags(CURATED_BUCKET, key)).as(key)
                    .containsEntry("SensitiveDataFound", "false")
                    .containsEntry("ScanGateRun", runId);
        });
        assertThat(runtime.keys(RAW_BUCKET, runId + "/")).isEmpty();
        assertThat(runtime.keys(SCAN_STAGE_BUCKET, "runs/" + runId + "/")).isEmpty();
        assertThat(runtime.keys(MANUAL_REVIEW_BUCKET, "runs/" + runId + "/")).isEmpty();
        StoredEvent event = single(runtime.events(runId), "ScanGate Run All Clean");
        assertThat(event.source()).isEqualTo("scangate");
        assertThat(event.detail().path("counts").path("clean").asInt()).isEqualTo(files.size());
        assertThat(runtime.outbox().approvalRequest(runId)).isEmpty();
    }

    @Test
    void run_whenSomeObjectsAreSensitive_holdsThemUntilAnApproverDecidesSomeEachWay() {
        String runId = "reviewed-run";
        Map<String, byte[]> clean = Samples.under(scratch.resolve("clean"), runId, false);
        Map<String, byte[]> sensitive = Samples.under(scratch.resolve("sensitive"), runId, true);
        clean.forEach(runtime::putRaw);
        sensitive.forEach(runtime::putRaw);
        String executionArn = runtime.startRun(runId);

        Mail mail = runtime.awaitApprovalRequest(runId);

        assertThat(mail.to()).containsExactly(TestRuntime.APPROVER);
        ApprovalLink link = mail.reviewLink().orElseThrow(() -> new AssertionError("no review link in " + mail.text()));
        // never the task token: the query holds exactly an expiry and a signature (tokens are far longer)
        assertThat(link.query()).matches("exp=\\d+&sig=[A-Za-z0-9_-]{43}");
        clean.forEach((key, bytes) -> assertThat(runtime.read(CURATED_BUCKET, key)).as(key).isEqualTo(bytes));
        sensitive.forEach((key, bytes) -> {
            assertThat(runtime.read(MANUAL_REVIEW_BUCKET, "runs/" + runId + "/" + key)).as(key).isEqualTo(bytes);
            assertThat(runtime.keys(CURATED_BUCKET, key)).as(key).isEmpty();
        });

        var page = http.get(link.reviewPage());
        assertThat(page.status()).isEqualTo(200);
        sensitive.keySet().forEach(key -> assertThat(page.body()).contains(key));
        assertThat(runtime.describe(executionArn).status()).as("a GET must not decide").isEqualTo(ExecutionStatus.RUNNING);
        assertThat(runtime.keys(MANUAL_REVIEW_BUCKET, "runs/" + runId + "/")).hasSize(sensitive.size());

        List<String> keys = new ArrayList<>(sensitive.keySet());
        List<String> approved = keys.subList(0, 2);
        List<String> denied = keys.subList(2, keys.size());
        var decisions = new LinkedHashMap<String, String>();
        approved.forEach(k -> decisions.put(k, "APPROVE"));
        denied.forEach(k -> decisions.put(k, "DENY"));

        assertThat(http.decide(link, decisions, TestRuntime.APPROVER).status()).isEqualTo(200);
        var replay = http.decide(link, decisions, TestRuntime.APPROVER);
        assertThat(replay.status()).as(replay.body()).isEqualTo(409);

        assertThat(runtime.awaitEnd(executionArn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        for (String key : approved) {
            assertThat(runtime.read(CURATED_BUCKET, key)).as(key).isEqualTo(sensitive.get(key));
            assertThat(runtime.tags(CURATED_BUCKET, key)).as(key)
                    .containsEntry("SensitiveDataFound", "true")
                    .containsEntry("ScanGateRun", runId);
            assertDecision(runtime.reportObject(runId, key), "APPROVE");
        }
        for (String key : denied) {
            assertThat(runtime.keys(CURATED_BUCKET, key)).as(key).isEmpty();
            assertThat(runtime.versionCount(MANUAL_REVIEW_BUCKET, "runs/" + runId + "/" + key))
                    .as("a denied object stays recoverable as a noncurrent version").isEqualTo(1);
            assertDecision(runtime.reportObject(runId, key), "DENY");
        }
        assertThat(runtime.keys(MANUAL_REVIEW_BUCKET, "runs/" + runId + "/")).isEmpty();
        assertThat(runtime.keys(RAW_BUCKET, runId + "/")).isEmpty();
        assertThat(runtime.keys(SCAN_STAGE_BUCKET, "runs/" + runId + "/")).isEmpty();
        StoredEvent reviewed = single(runtime.events(runId), "ScanGate Run Reviewed");
        assertThat(reviewed.detail().path("outcome").asText()).isEqualTo("REVIEWED");
        StoredEvent decided = single(runtime.events(runId), "ScanGate Approval Decided");
        assertThat(decided.detail().path("approver").asText()).isEqualTo(TestRuntime.APPROVER);
        assertThat(decided.detail().path("counts").path("approved").asInt()).isEqualTo(approved.size());
        assertThat(decided.detail().path("counts").path("denied").asInt()).isEqualTo(denied.size());
    }

    @Test
    void run_whenTwoRunsOverlapOnTheSameKeys_keepsEachRunsObjectsAndDecisionsApart() {
        String first = "overlap-a";
        String second = "overlap-b";
        Map<String, byte[]> firstFiles = Samples.under(scratch.resolve("a"), "overlap", true);
        List<String> keys = new ArrayList<>(firstFiles.keySet()).subList(0, 2);
        keys.forEach(k -> runtime.putRaw(k, firstFiles.get(k)));
        String firstRun = runtime.startRun(first);
        ApprovalLink firstLink = runtime.awaitApprovalRequest(first).reviewLink().orElseThrow();

        // the same keys written again while the first run waits: new versions, for the second run
        var secondFiles = new LinkedHashMap<String, byte[]>();
        keys.forEach(k -> secondFiles.put(k, withTrailingLine(firstFiles.get(k), k)));
        secondFiles.forEach(runtime::putRaw);
        String secondRun = runtime.startRun(second);
        ApprovalLink secondLink = runtime.awaitApprovalRequest(second).reviewLink().orElseThrow();

        for (String key : keys) {
            assertThat(runtime.read(MANUAL_REVIEW_BUCKET, "runs/" + first + "/" + key)).isEqualTo(firstFiles.get(key));
            assertThat(runtime.read(MANUAL_REVIEW_BUCKET, "runs/" + second + "/" + key)).isEqualTo(secondFiles.get(key));
        }
        assertThat(secondLink.approvalId()).isNotEqualTo(firstLink.approvalId());

        String k1 = keys.get(0);
        String k2 = keys.get(1);
        assertThat(http.decide(firstLink, Map.of(k1, "APPROVE", k2, "DENY"), TestRuntime.APPROVER).status()).isEqualTo(200);
        assertThat(runtime.awaitEnd(firstRun).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(runtime.read(MANUAL_REVIEW_BUCKET, "runs/" + second + "/" + k1))
                .as("the first run's decision leaves the second run's objects alone").isEqualTo(secondFiles.get(k1));
        assertThat(http.decide(secondLink, Map.of(k1, "DENY", k2, "APPROVE"), TestRuntime.APPROVER).status()).isEqualTo(200);
        assertThat(runtime.awaitEnd(secondRun).status()).isEqualTo(ExecutionStatus.SUCCEEDED);

        assertThat(runtime.read(CURATED_BUCKET, k1)).isEqualTo(firstFiles.get(k1));
        assertThat(runtime.tags(CURATED_BUCKET, k1)).containsEntry("ScanGateRun", first);
        assertThat(runtime.read(CURATED_BUCKET, k2)).isEqualTo(secondFiles.get(k2));
        assertThat(runtime.tags(CURATED_BUCKET, k2)).containsEntry("ScanGateRun", second);
        assertThat(runtime.keys(MANUAL_REVIEW_BUCKET, "runs/" + first + "/")).isEmpty();
        assertThat(runtime.keys(MANUAL_REVIEW_BUCKET, "runs/" + second + "/")).isEmpty();
        assertDecision(runtime.reportObject(first, k1), "APPROVE");
        assertDecision(runtime.reportObject(second, k1), "DENY");
    }

    private static byte[] withTrailingLine(byte[] content, String key) {
        String suffix = key.endsWith(".csv") || key.endsWith(".txt") ? "\n" : " ";
        byte[] extra = suffix.getBytes(StandardCharsets.UTF_8);
        byte[] out = java.util.Arrays.copyOf(content, content.length + extra.length);
        System.arraycopy(extra, 0, out, content.length, extra.length);
        return out;
    }

    private static void assertDecision(JsonNode reportObject, String action) {
        assertThat(reportObject.path("decision").path("action").asText()).as(reportObject.toString()).isEqualTo(action);
        assertThat(reportObject.path("decision").path("approver").asText()).isEqualTo(TestRuntime.APPROVER);
        assertThat(reportObject.path("decision").path("decidedAt").asText()).isNotBlank();
    }

    static StoredEvent single(List<StoredEvent> events, String detailType) {
        var matching = events.stream().filter(e -> e.detailType().equals(detailType)).toList();
        assertThat(matching).as(detailType + " among " + events.stream().map(StoredEvent::detailType).toList()).hasSize(1);
        return matching.get(0);
    }
}
