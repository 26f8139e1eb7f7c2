package dev.scangate.lambdas.aws.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scangate.lambdas.aws.AwsClientFactory;
import dev.scangate.lambdas.core.approval.ApprovalLink;
import dev.scangate.lambdas.core.approval.LinkSigner;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SigningKeysTest {

    private static final String ARN = "arn:aws:secretsmanager:us-east-1:000000000000:secret:scangate-approval-key";
    private static final String KEY = "secret-manager-key-0123456789abcdefghijkl";
    private static StubAwsEndpoint aws;

    @BeforeAll
    static void start() {
        aws = StubAwsEndpoint.start();
        aws.putSecret(ARN, KEY);
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @Test
    void signer_whenSecretArnGiven_usesTheSecretString() {
        AwsClientFactory clients = AwsClientFactory.forEndpoint(aws.endpoint());

        LinkSigner fromSecret = SigningKeys.signer(Map.of("APPROVAL_SIGNING_SECRET_ARN", ARN), clients::secretsManager);

        ApprovalLink link = LinkSigner.create(KEY).link("id", Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(fromSecret.link("id", Instant.parse("2030-01-01T00:00:00Z"))).isEqualTo(link);
    }

    @Test
    void signer_whenKeyInEnvironment_preferredOverSecret() {
        LinkSigner signer = SigningKeys.signer(Map.of("APPROVAL_SIGNING_KEY", KEY, "APPROVAL_SIGNING_SECRET_ARN", "unused"),
                () -> {
                    throw new AssertionError("Secrets Manager must not be called");
                });

        assertThat(signer.link("id", Instant.EPOCH)).isEqualTo(LinkSigner.create(KEY).link("id", Instant.EPOCH));
    }

    @Test
    void signer_whenNothingConfiguredOrSecretMissing_failsNamingIt() {
        AwsClientFactory clients = AwsClientFactory.forEndpoint(aws.endpoint());

        assertThatThrownBy(() -> SigningKeys.signer(Map.of(), clients::secretsManager))
                .hasMessageContaining("APPROVAL_SIGNING_KEY").hasMessageContaining("APPROVAL_SIGNING_SECRET_ARN");
        assertThatThrownBy(() -> SigningKeys.signer(Map.of("APPROVAL_SIGNING_SECRET_ARN", ARN + "-gone"),
                clients::secretsManager))
                .hasMessageContaining(ARN + "-gone").hasMessageNotContaining(KEY);
    }
}
