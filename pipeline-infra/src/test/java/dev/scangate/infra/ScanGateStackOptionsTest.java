package dev.scangate.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The other side of the options: fixed bucket names, an own event bus, no Macie resources. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScanGateStackOptionsTest {

    private JsonNode resources;

    @BeforeAll
    void synthesize() {
        SynthFixture synth = new SynthFixture(Map.of(
                "scangate:bucketNamePrefix", "acme-lake",
                "scangate:eventBusName", "scangate-runs",
                "scangate:schedule", "cron(0 */4 * * ? *)",
                "scangate:severityThreshold", "high",
                "scangate:logExecutionData", "true",
                "scangate:manualReviewExpirationDays", "14"));
        resources = new ObjectMapper().valueToTree(synth.template.toJSON()).get("Resources");
    }

    private List<JsonNode> ofType(String type) {
        List<JsonNode> out = new ArrayList<>();
        resources.forEach(r -> {
            if (type.equals(r.path("Type").asText())) {
                out.add(r);
            }
        });
        return out;
    }

    @Test
    void buckets_whenPrefixGiven_useFixedNames() {
        assertThat(ofType("AWS::S3::Bucket")).extracting(b -> b.at("/Properties/BucketName").asText())
                .containsExactlyInAnyOrder("acme-lake-raw", "acme-lake-scan-stage", "acme-lake-manual-review",
                        "acme-lake-curated", "acme-lake-macie-results", "acme-lake-access-logs");
    }

    @Test
    void options_whenSet_reachTheTemplate() {
        assertThat(ofType("AWS::Events::EventBus")).extracting(b -> b.at("/Properties/Name").asText())
                .containsExactly("scangate-runs");
        // the pipeline's schedule follows the context; the approval reminder always runs hourly
        assertThat(ofType("AWS::Events::Rule")).extracting(r -> r.at("/Properties/ScheduleExpression").asText())
                .containsExactlyInAnyOrder("cron(0 */4 * * ? *)", "rate(1 hour)");
        JsonNode machine = ofType("AWS::StepFunctions::StateMachine").get(0).get("Properties");
        assertThat(machine.at("/DefinitionSubstitutions/SeverityThreshold").asText()).isEqualTo("HIGH");
        assertThat(machine.at("/LoggingConfiguration/IncludeExecutionData").asBoolean()).isTrue();
        assertThat(ofType("AWS::S3::Bucket").toString()).contains("\"ExpirationInDays\":14");
    }

    @Test
    void macie_whenNotRequested_createsNoMacieResourcesAndNoSubscriptions() {
        assertThat(ofType("AWS::Macie::Session")).isEmpty();
        assertThat(ofType("AWS::Macie::CustomDataIdentifier")).isEmpty();
        assertThat(ofType("Custom::AWS")).isEmpty();
        assertThat(ofType("AWS::SNS::Subscription")).isEmpty();
    }
}
