package dev.scangate.lambdas.handler;

import static dev.scangate.lambdas.testing.Invocations.invoke;
import static dev.scangate.lambdas.testing.PipelineBuckets.CURATED;
import static dev.scangate.lambdas.testing.PipelineBuckets.MANUAL_REVIEW;
import static dev.scangate.lambdas.testing.PipelineBuckets.RAW;
import static dev.scangate.lambdas.testing.PipelineBuckets.RESULTS;
import static dev.scangate.lambdas.testing.PipelineBuckets.SCAN_STAGE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.lambdas.core.document.Json;
import dev.scangate.lambdas.testing.DiscoveryResultsWriter;
import dev.scangate.lambdas.testing.Fixtures;
import dev.scangate.lambdas.testing.Invocations;
import dev.scangate.lambdas.testing.MacieFindingsResponder;
import dev.scangate.lambdas.testing.PipelineBuckets;
import dev.scangate.lambdas.testing.RecordedResponseServer;
import dev.scangate.lambdas.testing.S3MockExtension;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Feeds each step's output into the next as {@code pipeline.asl.json} does, to show the payloads
 * of the contract fit together (the ASL engine itself is tested in {@code statemachine/}).
 */
class StepChainTest {

    static final String JOB = "8df4fca1eccfdae45d8b936a21f1882d";

    @RegisterExtension
    static final S3MockExtension S3 = new S3MockExtension();

    static RecordedResponseServer aws;

    @BeforeAll
    static void start() {
        aws = RecordedResponseServer.start();
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @Test
    void steps_whenChainedLikeTheDefinition_promoteCleanHoldFlaggedAndApplyTheDecision() {
        var env = PipelineBuckets.create(S3).with("AWS_ENDPOINT_URL_MACIE2", aws.endpoint().toString())
                .with("AWS_ENDPOINT_URL_EVENTBRIDGE", aws.endpoint().toString()).environment();
        var buckets = S3.buckets();
        buckets.put(RAW, "reports/q1.csv", "name,total\nacme,12");
        buckets.put(RAW, "people/ssn.csv", "name,ssn\nx,123-45-6789");
        aws.respond("POST /jobs", Fixtures.read("macie/create-classification-job.json"));
        aws.respond("GET /jobs/" + JOB, Fixtures.read("macie/describe-classification-job.json", Map.of("status", "COMPLETE")));
        aws.respond("POST /#AWSEvents.PutEvents", "{\"FailedEntryCount\": 0, \"Entries\": [{\"EventId\": \"e-1\"}]}");
        new MacieFindingsResponder(JOB, SCAN_STAGE, 50)
                .finding("f-1", "runs/sched-1/people/ssn.csv", "High", "USA_SOCIAL_SECURITY_NUMBER").install(aws);
        new DiscoveryResultsWriter(JOB, SCAN_STAGE)
                .result("runs/sched-1/reports/q1.csv", "COMPLETE", null)
                .result("runs/sched-1/people/ssn.csv", "COMPLETE", null)
                .writeTo(S3.client(), RESULTS, "discovery", "000000000000");

        var staged = invoke(new StageObjectsHandler(env), "{\"executionInput\": {\"id\": \"sched-1\"}, \"executionName\": \"e\", \"cursor\": 0}");
        assertThat(staged.get("done").asBoolean()).isTrue();
        var runId = staged.get("runId").asText();

        var job = invoke(new StartScanHandler(env), payload("runId", runId));
        var check = invoke(new CheckScanHandler(env), payload("runId", runId, "jobId", job.get("jobId").asText(),
                "attempt", 0, "backoff", Map.of("firstSeconds", 30, "factor", 2, "capSeconds", 900)));
        assertThat(check.get("decision").asText()).isEqualTo("COLLECT");

        var collected = invoke(new CollectFindingsHandler(env), payload("runId", runId, "jobId", job.get("jobId").asText(),
                "jobStatus", check.get("jobStatus").asText(), "severityThreshold", "MEDIUM"));
        var routed = invoke(new RouteObjectsHandler(env), payload("runId", runId,
                "reportKey", collected.get("reportKey").asText(), "cursor", 0));
        assertThat(routed.get("done").asBoolean()).isTrue();
        assertThat(buckets.keys(CURATED)).containsExactly("reports/q1.csv");
        assertThat(buckets.keys(MANUAL_REVIEW)).containsExactly("runs/sched-1/people/ssn.csv");

        var decision = invoke(new ApplyDecisionHandler(env), payload("runId", runId,
                "reportKey", collected.get("reportKey").asText(), "approvalId", "ap-1",
                "decisions", Map.of("people/ssn.csv", "APPROVE"), "approver", "alice@example.com",
                "decidedAt", "2026-01-05T12:00:00Z"));
        var event = invoke(new PublishRunEventHandler(env), payload("runId", runId, "outcome", "REVIEWED",
                "reportKey", collected.get("reportKey").asText(), "counts", collected.get("counts"), "decision", decision));

        assertThat(event.get("eventId").asText()).isEqualTo("e-1");
        assertThat(buckets.keys(CURATED)).containsExactlyInAnyOrder("reports/q1.csv", "people/ssn.csv");
        assertThat(buckets.tags(CURATED, "people/ssn.csv")).containsEntry("SensitiveDataFound", "true");
        assertThat(buckets.tags(CURATED, "reports/q1.csv")).containsEntry("SensitiveDataFound", "false");
        assertThat(buckets.keys(RAW)).isEmpty();
        var report = Invocations.parse(buckets.read(SCAN_STAGE, "reports/sched-1.json").orElseThrow());
        assertThat(report.at("/counts/flagged").asInt()).isEqualTo(1);
    }

    private static String payload(Object... pairs) {
        ObjectNode node = Json.mapper().createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            var value = pairs[i + 1];
            node.set((String) pairs[i], value instanceof JsonNode json ? json : Json.mapper().valueToTree(value));
        }
        return node.toString();
    }
}
