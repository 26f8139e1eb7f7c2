package dev.scangate.local.macie.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.macie2.model.AccessDeniedException;
import software.amazon.awssdk.services.macie2.model.ConflictException;
import software.amazon.awssdk.services.macie2.model.MacieStatus;

/** What {@code aws macie2} and any rest-json client see on the wire. */
class WireProtocolTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(URI endpoint, String method, String path, String body)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(endpoint.resolve(path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void describeClassificationJob_whenUnknown_answers404WithErrorTypeHeaderAndMessageBody() throws Exception {
        try (var fixture = MacieFixture.started()) {
            var response = send(fixture.endpoint, "GET", "/jobs/" + "a".repeat(32), null);

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("ResourceNotFoundException");
            assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
            assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
            JsonNode body = MAPPER.readTree(response.body());
            assertThat(body.size()).isEqualTo(1);
            assertThat(body.path("message").asText()).contains("a".repeat(32));
        }
    }

    @Test
    void createClassificationJob_whenBodyIsNotJson_answers400ValidationException() throws Exception {
        try (var fixture = MacieFixture.started()) {
            var response = send(fixture.endpoint, "POST", "/jobs", "{not json");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("ValidationException");
            assertThat(MAPPER.readTree(response.body()).path("message").asText()).contains("not valid JSON");
        }
    }

    @Test
    void createClassificationJob_whenRequiredFieldMissing_answers400NamingTheField() throws Exception {
        try (var fixture = MacieFixture.started()) {
            var response = send(fixture.endpoint, "POST", "/jobs",
                    "{\"name\":\"n\",\"jobType\":\"ONE_TIME\"}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(MAPPER.readTree(response.body()).path("message").asText()).contains("s3JobDefinition");
        }
    }

    @Test
    void describeClassificationJob_whenCreatedRaw_answersIsoTimestampsWithMillis() throws Exception {
        try (var fixture = MacieFixture.started()) {
            var bucket = fixture.newBucket();
            var created = MAPPER.readTree(send(fixture.endpoint, "POST", "/jobs", "{\"clientToken\":\"raw-" + bucket
                    + "\",\"name\":\"raw\",\"jobType\":\"ONE_TIME\",\"s3JobDefinition\":{\"bucketDefinitions\":"
                    + "[{\"accountId\":\"000000000000\",\"buckets\":[\"" + bucket + "\"]}]}}").body());
            var jobId = created.path("jobId").asText();

            var described = MAPPER.readTree(send(fixture.endpoint, "GET", "/jobs/" + jobId, null).body());
            assertThat(described.path("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(described.path("managedDataIdentifierSelector").asText()).isEqualTo("RECOMMENDED");
            assertThat(described.path("samplingPercentage").asInt()).isEqualTo(100);
        }
    }

    @Test
    void macieApis_whenNotEnabled_answerAccessDeniedUntilEnableMacie() throws Exception {
        try (var fixture = new MacieFixture(b -> b.autoEnable(false))) {
            var raw = send(fixture.endpoint, "POST", "/findings", "{}");
            assertThat(raw.statusCode()).isEqualTo(403);
            assertThat(raw.headers().firstValue("x-amzn-ErrorType")).contains("AccessDeniedException");
            assertThat(MAPPER.readTree(raw.body()).path("message").asText()).isEqualTo("Macie is not enabled.");
            assertThatThrownBy(() -> fixture.macie.getMacieSession(r -> { }))
                    .isInstanceOf(AccessDeniedException.class);

            fixture.macie.enableMacie(r -> { });

            assertThat(fixture.macie.getMacieSession(r -> { }).status()).isEqualTo(MacieStatus.ENABLED);
            assertThat(fixture.macie.listFindings(r -> { }).findingIds()).isEmpty();
            assertThatThrownBy(() -> fixture.macie.enableMacie(r -> { })).isInstanceOf(ConflictException.class);

            fixture.macie.disableMacie(r -> { });
            assertThatThrownBy(() -> fixture.macie.listFindings(r -> { }))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("Macie is not enabled.");
        }
    }
}
