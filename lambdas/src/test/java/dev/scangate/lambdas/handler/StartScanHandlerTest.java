package dev.scangate.lambdas.handler;

import static dev.scangate.lambdas.testing.Invocations.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scangate.lambdas.core.RetryableStepException;
import dev.scangate.lambdas.core.StepInputException;
import dev.scangate.lambdas.testing.Fixtures;
import dev.scangate.lambdas.testing.FixedContext;
import dev.scangate.lambdas.testing.RecordedResponseServer;
import dev.scangate.lambdas.testing.RecordedResponseServer.Response;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StartScanHandlerTest {

    static RecordedResponseServer macie;

    @BeforeAll
    static void startMacie() {
        macie = RecordedResponseServer.start();
    }

    @AfterAll
    static void stopMacie() {
        macie.close();
    }

    @BeforeEach
    void reset() {
        macie.reset();
        macie.respond("POST /jobs", Fixtures.read("macie/create-classification-job.json"));
    }

    @Test
    void start_whenCalled_createsOneTimeJobOverTheRunPrefixWithTheRunIdAsClientToken() {
        var result = invoke(new StartScanHandler(environment(Map.of())), "{\"runId\": \"run-1\"}");

        assertThat(result.get("jobId").asText()).isEqualTo("8df4fca1eccfdae45d8b936a21f1882d");
        assertThat(result.get("jobArn").asText()).endsWith("classification-job/8df4fca1eccfdae45d8b936a21f1882d");
        var body = macie.requests("POST", "/jobs").get(0).json();
        assertThat(body.get("jobType").asText()).isEqualTo("ONE_TIME");
        assertThat(body.get("clientToken").asText()).isEqualTo("run-1");
        assertThat(body.get("name").asText()).isEqualTo("scangate-run-1");
        assertThat(body.get("managedDataIdentifierSelector").asText()).isEqualTo("ALL");
        assertThat(body.has("managedDataIdentifierIds")).isFalse();
        assertThat(body.has("customDataIdentifierIds")).isFalse();
        var definition = body.get("s3JobDefinition");
        assertThat(definition.at("/bucketDefinitions/0/accountId").asText()).isEqualTo("000000000000");
        assertThat(definition.at("/bucketDefinitions/0/buckets/0").asText()).isEqualTo("scangate-scan-stage");
        var term = definition.at("/scoping/includes/and/0/simpleScopeTerm");
        assertThat(term.get("key").asText()).isEqualTo("OBJECT_KEY");
        assertThat(term.get("comparator").asText()).isEqualTo("STARTS_WITH");
        assertThat(term.at("/values/0").asText()).isEqualTo("runs/run-1/");
    }

    @Test
    void start_whenIdentifiersConfigured_passesSelectorIdsCustomIdentifiersAndAllowLists() {
        var handler = new StartScanHandler(environment(Map.of(
                "MANAGED_IDENTIFIER_SELECTOR", "include",
                "MANAGED_IDENTIFIER_IDS", "USA_SOCIAL_SECURITY_NUMBER, CREDIT_CARD_NUMBER",
                "CUSTOM_DATA_IDENTIFIER_IDS", "cdi-1",
                "ALLOW_LIST_IDS", "allow-1,allow-2")));

        invoke(handler, "{\"runId\": \"run-2\"}");

        var body = macie.requests("POST", "/jobs").get(0).json();
        assertThat(body.get("managedDataIdentifierSelector").asText()).isEqualTo("INCLUDE");
        assertThat(body.get("managedDataIdentifierIds").toString()).isEqualTo("[\"USA_SOCIAL_SECURITY_NUMBER\",\"CREDIT_CARD_NUMBER\"]");
        assertThat(body.get("customDataIdentifierIds").toString()).isEqualTo("[\"cdi-1\"]");
        assertThat(body.get("allowListIds").toString()).isEqualTo("[\"allow-1\",\"allow-2\"]");
    }

    @Test
    void start_whenCalledTwice_sendsTheSameClientTokenSoMacieReturnsTheSameJob() {
        var handler = new StartScanHandler(environment(Map.of()));

        var first = invoke(handler, "{\"runId\": \"run-3\"}");
        var second = invoke(handler, "{\"runId\": \"run-3\"}");

        assertThat(second).isEqualTo(first);
        assertThat(macie.requests("POST", "/jobs")).extracting(r -> r.json().get("clientToken").asText())
                .containsExactly("run-3", "run-3");
    }

    @Test
    void start_whenNoAccountConfigured_takesItFromTheFunctionArn() {
        var env = new HashMap<>(environment(Map.of()));
        env.remove("MACIE_ACCOUNT_ID");

        invoke(new StartScanHandler(env), "{\"runId\": \"run-6\"}",
                FixedContext.forFunction("arn:aws:lambda:us-east-1:123456789012:function:scangate-StartScan"));

        assertThat(macie.requests("POST", "/jobs").get(0).json().at("/s3JobDefinition/bucketDefinitions/0/accountId").asText())
                .isEqualTo("123456789012");
    }

    @Test
    void start_whenNoAccountAndNoFunctionArn_namesMacieAccountId() {
        var env = new HashMap<>(environment(Map.of()));
        env.remove("MACIE_ACCOUNT_ID");

        assertThatThrownBy(() -> invoke(new StartScanHandler(env), "{\"runId\": \"run-4\"}"))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("MACIE_ACCOUNT_ID:");
        assertThat(macie.requests()).isEmpty();
    }

    @Test
    void start_whenThrottled_throwsRetryable() {
        macie.respond("POST /jobs", r -> Response.error(429, "ThrottlingException", "Rate exceeded"));

        assertThatThrownBy(() -> invoke(new StartScanHandler(environment(Map.of())), "{\"runId\": \"run-5\"}"))
                .isInstanceOf(RetryableStepException.class).hasMessageContaining("ThrottlingException");
    }

    @Test
    void start_whenInputOrSettingsBad_namesTheFieldAndCallsNothing() {
        assertThatThrownBy(() -> invoke(new StartScanHandler(environment(Map.of())), "{}"))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("runId:");
        assertThatThrownBy(() -> invoke(new StartScanHandler(environment(Map.of())), "{\"runId\": \"a/b\"}"))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("runId:");
        assertThatThrownBy(() -> new StartScanHandler(environment(Map.of("MANAGED_IDENTIFIER_SELECTOR", "SOME"))))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("MANAGED_IDENTIFIER_SELECTOR:");
        assertThatThrownBy(() -> new StartScanHandler(environment(Map.of("MANAGED_IDENTIFIER_SELECTOR", "INCLUDE"))))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("MANAGED_IDENTIFIER_IDS:");
        assertThat(macie.requests()).isEmpty();
    }

    static Map<String, String> environment(Map<String, String> extra) {
        var env = new HashMap<>(environmentFor(macie));
        env.putAll(extra);
        return env;
    }

    static Map<String, String> environmentFor(RecordedResponseServer server) {
        var env = new HashMap<String, String>();
        env.put("AWS_ENDPOINT_URL", server.endpoint().toString());
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("SCAN_STAGE_BUCKET", "scangate-scan-stage");
        env.put("MACIE_ACCOUNT_ID", "000000000000");
        return env;
    }
}
