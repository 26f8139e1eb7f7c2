package dev.scangate.lambdas.handler;

import static dev.scangate.lambdas.testing.Invocations.invoke;
import static dev.scangate.lambdas.testing.PipelineBuckets.RAW;
import static dev.scangate.lambdas.testing.PipelineBuckets.RESULTS;
import static dev.scangate.lambdas.testing.PipelineBuckets.SCAN_STAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scangate.lambdas.core.StepInputException;
import dev.scangate.lambdas.testing.DiscoveryResultsWriter;
import dev.scangate.lambdas.testing.Invocations;
import dev.scangate.lambdas.testing.MacieFindingsResponder;
import dev.scangate.lambdas.testing.PipelineBuckets;
import dev.scangate.lambdas.testing.RecordedResponseServer;
import dev.scangate.lambdas.testing.S3MockExtension;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CollectFindingsHandlerTest {

    static final String JOB = "8df4fca1eccfdae45d8b936a21f1882d";
    static final String RUN = "run-c";

    @RegisterExtension
    static final S3MockExtension S3 = new S3MockExtension();

    static RecordedResponseServer macie;

    PipelineBuckets pipeline;

    @BeforeAll
    static void startMacie() {
        macie = RecordedResponseServer.start();
    }

    @AfterAll
    static void stopMacie() {
        macie.close();
    }

    @BeforeEach
    void stageARun() {
        macie.reset();
        pipeline = PipelineBuckets.create(S3).with("AWS_ENDPOINT_URL_MACIE2", macie.endpoint().toString());
        for (var key : new String[] {"clean.txt", "ssn.csv", "low/name.txt", "skipped.bin", "partial.zip", "no-result.txt"}) {
            S3.buckets().put(RAW, key, "content of " + key);
        }
        invoke(new StageObjectsHandler(pipeline.environment()), StageObjectsHandlerTest.event(RUN, 0));
        var findings = new MacieFindingsResponder(JOB, SCAN_STAGE, 20)
                .finding("f-ssn", "runs/run-c/ssn.csv", "High", "USA_SOCIAL_SECURITY_NUMBER")
                .finding("f-name", "runs/run-c/low/name.txt", "Low", "NAME");
        // More findings than one GetFindings call may carry, about objects of another run.
        for (int i = 0; i < 60; i++) {
            findings.finding("f-other-" + i, "runs/other-run/o" + i, "High", "NAME");
        }
        findings.install(macie);
        new DiscoveryResultsWriter(JOB, SCAN_STAGE)
                .result("runs/run-c/clean.txt", "COMPLETE", null)
                .result("runs/run-c/ssn.csv", "COMPLETE", null)
                .result("runs/run-c/low/name.txt", "COMPLETE", null)
                .result("runs/run-c/skipped.bin", "SKIPPED", "UNSUPPORTED_FILE_TYPE_EXCEPTION")
                .result("runs/run-c/partial.zip", "PARTIAL", "ARCHIVE_CONTAINS_UNPROCESSED_FILES")
                .writeTo(S3.client(), RESULTS, "discovery", "000000000000");
    }

    @Test
    void collect_whenJobComplete_givesEveryObjectAVerdictAndWritesTheReport() {
        var result = invoke(handler(), event("COMPLETE", "MEDIUM"));

        assertThat(result.get("reportKey").asText()).isEqualTo("reports/run-c.json");
        assertThat(result.get("counts").toString())
                .isEqualTo("{\"total\":6,\"clean\":2,\"flagged\":1,\"unscanned\":3}");
        var report = report();
        assertThat(report.get("jobId").asText()).isEqualTo(JOB);
        assertThat(report.get("severityThreshold").asText()).isEqualTo("Medium");
        assertThat(verdicts(report)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "clean.txt", "CLEAN", "ssn.csv", "FLAGGED", "low/name.txt", "CLEAN",
                "skipped.bin", "UNSCANNED", "partial.zip", "UNSCANNED", "no-result.txt", "UNSCANNED"));
        var ssn = object(report, "ssn.csv");
        assertThat(ssn.get("stagedKey").asText()).isEqualTo("runs/run-c/ssn.csv");
        assertThat(ssn.get("severity").asText()).isEqualTo("High");
        assertThat(ssn.get("findingIds").toString()).isEqualTo("[\"f-ssn\"]");
        assertThat(ssn.get("findingTypes").toString()).isEqualTo("[\"SensitiveData:S3Object/Personal\"]");
        assertThat(ssn.at("/detections/0/type").asText()).isEqualTo("USA_SOCIAL_SECURITY_NUMBER");
        assertThat(ssn.at("/detections/0/category").asText()).isEqualTo("PERSONAL_INFORMATION");
        assertThat(ssn.at("/detections/0/count").asLong()).isEqualTo(3);
        assertThat(ssn.at("/detections/0/locations/1/row").asInt()).isEqualTo(3);
        assertThat(ssn.at("/detections/1/type").asText()).isEqualTo("EmployeeId");
        assertThat(ssn.at("/detections/1/category").asText()).isEqualTo("CUSTOM_IDENTIFIER");
        assertThat(object(report, "low/name.txt").get("severity").asText()).isEqualTo("Low");
        assertThat(object(report, "skipped.bin").at("/scanStatus/reason").asText()).isEqualTo("UNSUPPORTED_FILE_TYPE_EXCEPTION");
        assertThat(object(report, "no-result.txt").at("/scanStatus/reason").asText()).isEqualTo("NO_DISCOVERY_RESULT");
        assertThat(object(report, "clean.txt").get("route").isNull()).isTrue();
        assertThat(macie.requests("POST", "/findings/describe")).allSatisfy(r ->
                assertThat(r.json().get("findingIds").size()).isLessThanOrEqualTo(50));
        assertThat(macie.requests("POST", "/findings")).hasSizeGreaterThan(1);
    }

    @Test
    void collect_whenThresholdLow_flagsLowFindingsToo() {
        var result = invoke(handler(), event("COMPLETE", "low"));

        assertThat(result.at("/counts/flagged").asInt()).isEqualTo(2);
        assertThat(verdicts(report())).containsEntry("low/name.txt", "FLAGGED");
    }

    @Test
    void collect_whenJobNotComplete_holdsEveryObjectAsUnscanned() {
        var result = invoke(handler(), event("CANCELLED", "MEDIUM"));

        assertThat(result.get("counts").toString()).isEqualTo("{\"total\":6,\"clean\":0,\"flagged\":0,\"unscanned\":6}");
        assertThat(object(report(), "clean.txt").at("/scanStatus/reason").asText()).isEqualTo("JOB_CANCELLED");
    }

    @Test
    void collect_whenDiscoveryResultsNotRequiredAndNotConfigured_treatsNoFindingAsClean() {
        var env = new HashMap<>(pipeline.with("REQUIRE_DISCOVERY_RESULTS", "false").without("MACIE_RESULTS_BUCKET").environment());

        var result = invoke(new CollectFindingsHandler(env), event("COMPLETE", "MEDIUM"));

        assertThat(result.get("counts").toString()).isEqualTo("{\"total\":6,\"clean\":5,\"flagged\":1,\"unscanned\":0}");
    }

    @Test
    void collect_whenResultsRequiredButNotConfigured_refusesToStart() {
        assertThatThrownBy(() -> new CollectFindingsHandler(pipeline.without("MACIE_RESULTS_BUCKET").environment()))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("MACIE_RESULTS_BUCKET:");
    }

    @Test
    void collect_whenRunTwice_writesTheSameVerdicts() {
        var first = invoke(handler(), event("COMPLETE", "MEDIUM"));
        var firstReport = report();
        var second = invoke(handler(), event("COMPLETE", "MEDIUM"));

        assertThat(second).isEqualTo(first);
        assertThat(report().get("objects")).isEqualTo(firstReport.get("objects"));
        assertThat(report().get("createdAt")).isEqualTo(firstReport.get("createdAt"));
    }

    @Test
    void collect_whenInputBad_namesTheField() {
        assertThatThrownBy(() -> invoke(handler(), event("COMPLETE", "SEVERE")))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("severityThreshold:");
        assertThatThrownBy(() -> invoke(handler(), "{\"runId\": \"run-c\", \"jobStatus\": \"COMPLETE\", \"severityThreshold\": \"HIGH\"}"))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("jobId:");
        assertThatThrownBy(() -> invoke(handler(), "{\"runId\": \"never-staged\", \"jobId\": \"" + JOB
                + "\", \"jobStatus\": \"COMPLETE\", \"severityThreshold\": \"HIGH\"}"))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("runId:").hasMessageContaining("manifest");
        assertThat(S3.buckets().keys(SCAN_STAGE)).doesNotContain("reports/run-c.json");
    }

    private CollectFindingsHandler handler() {
        return new CollectFindingsHandler(pipeline.environment());
    }

    private static String event(String status, String threshold) {
        return "{\"runId\": \"" + RUN + "\", \"jobId\": \"" + JOB + "\", \"jobStatus\": \"" + status
                + "\", \"severityThreshold\": \"" + threshold + "\"}";
    }

    static JsonNode report() {
        return Invocations.parse(S3.buckets().read(SCAN_STAGE, "reports/" + RUN + ".json").orElseThrow());
    }

    static JsonNode object(JsonNode report, String key) {
        return StreamSupport.stream(report.get("objects").spliterator(), false)
                .filter(o -> o.get("key").asText().equals(key)).findFirst().orElseThrow();
    }

    static Map<String, String> verdicts(JsonNode report) {
        var verdicts = new HashMap<String, String>();
        report.get("objects").forEach(o -> verdicts.put(o.get("key").asText(), o.get("verdict").asText()));
        return verdicts;
    }
}
