package dev.scangate.local.macie.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.macie2.model.JobStatus;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Tagging;

/**
 * The raw GetFindings JSON against the finding shape of aws-semantics.md 2.2: same field paths and
 * JSON types everywhere except inside {@code classificationDetails.result}, which the scanner owns.
 */
class FindingShapeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void getFindings_whenRawJson_hasMacieFindingShapeFieldByField() throws Exception {
        try (var fixture = MacieFixture.started()) {
            var bucket = fixture.newBucket();
            fixture.put(bucket, "a/secret.txt", "SECRET\n");
            fixture.s3.putObjectTagging(b -> b.bucket(bucket).key("a/secret.txt")
                    .tagging(Tagging.builder().tagSet(Tag.builder().key("k").value("v").build()).build()));
            var jobId = fixture.createJob(bucket, "shape-" + bucket);
            assertThat(fixture.awaitFinished(jobId)).isEqualTo(JobStatus.COMPLETE);
            var ids = fixture.macie.listFindings(r -> { }).findingIds();

            var raw = post(fixture, "/findings/describe", MAPPER.createObjectNode()
                    .set("findingIds", MAPPER.valueToTree(ids)));
            var finding = stream(raw.path("findings")).filter(f -> f.at("/classificationDetails/jobId").asText()
                    .equals(jobId)).findFirst().orElseThrow();

            var expected = MAPPER.readTree(getClass().getResourceAsStream("finding-shape.json"));
            assertThat(shape(finding)).isEqualTo(shape(expected));
            assertThat(finding.at("/resourcesAffected/s3Object/tags/0/key").asText()).isEqualTo("k");
            assertThat(finding.at("/resourcesAffected/s3Object/tags/0/value").asText()).isEqualTo("v");
            assertThat(finding.path("createdAt").asText()).isEqualTo(finding.path("updatedAt").asText());
            assertThat(finding.path("title").asText()).isEqualTo("The S3 object contains credentials data.");
        }
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    private static JsonNode post(MacieFixture fixture, String path, JsonNode body)
            throws IOException, InterruptedException {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(fixture.endpoint.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        return MAPPER.readTree(response.body());
    }

    /** Field path → JSON node type, arrays by their first element, {@code result} not descended. */
    private static Map<String, String> shape(JsonNode node) {
        var out = new TreeMap<String, String>();
        walk(node, "", out);
        return out;
    }

    private static void walk(JsonNode node, String path, Map<String, String> out) {
        out.put(path, node.getNodeType().name());
        if (path.equals("/classificationDetails/result")) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> walk(e.getValue(), path + "/" + e.getKey(), out));
        } else if (node.isArray() && !node.isEmpty()) {
            walk(node.get(0), path + "/0", out);
        }
    }
}
