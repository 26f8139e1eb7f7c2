package dev.scangate.lambdas.aws;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.macie2.Macie2Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The one place SDK clients are made. Every step and adapter gets its clients here, so the same
 * code talks to AWS or to the local edge endpoint depending only on configuration.
 *
 * <p>Endpoint resolution follows the AWS convention: {@code AWS_ENDPOINT_URL_<SERVICE>} wins over
 * {@code AWS_ENDPOINT_URL}; with neither, the SDK's regional endpoint is used. S3 switches to
 * path-style addressing whenever its endpoint is overridden, because local endpoints have no
 * per-bucket DNS.
 */
public final class AwsClientFactory {

    /** Service ids as they appear in {@code AWS_ENDPOINT_URL_<SERVICE>}. */
    public enum Service {
        S3("S3"),
        MACIE2("MACIE2"),
        SFN("SFN"),
        SNS("SNS"),
        EVENTBRIDGE("EVENTBRIDGE"),
        DYNAMODB("DYNAMODB"),
        SECRETS_MANAGER("SECRETS_MANAGER");

        private final String envSuffix;

        Service(String envSuffix) {
            this.envSuffix = envSuffix;
        }

        public String envVariable() {
            return "AWS_ENDPOINT_URL_" + envSuffix;
        }
    }

    private final Map<String, String> environment;
    private final Region region;
    private final AwsCredentialsProvider credentials;

    private AwsClientFactory(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        this.region = Region.of(firstNonBlank(environment.get("AWS_REGION"), environment.get("AWS_DEFAULT_REGION"))
                .orElse("us-east-1"));
        this.credentials = credentialsFor(this.environment);
    }

    /** A factory configured from the process environment, as a Lambda function sees it. */
    public static AwsClientFactory create() {
        return new AwsClientFactory(System.getenv());
    }

    /** A factory configured from an explicit environment map (local runtime, tests). */
    public static AwsClientFactory fromEnvironment(Map<String, String> environment) {
        return new AwsClientFactory(Objects.requireNonNull(environment, "environment"));
    }

    /** A factory that sends every service to one endpoint, e.g. the local edge endpoint. */
    public static AwsClientFactory forEndpoint(URI endpoint) {
        return new AwsClientFactory(Map.of(
                "AWS_ENDPOINT_URL", endpoint.toString(),
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test"));
    }

    public Region region() {
        return region;
    }

    /** The endpoint override for a service, if one is configured. */
    public Optional<URI> endpointFor(Service service) {
        return firstNonBlank(environment.get(service.envVariable()), environment.get("AWS_ENDPOINT_URL"))
                .map(URI::create);
    }

    public S3Client s3() {
        var builder = S3Client.builder();
        endpointFor(Service.S3).ifPresent(e -> builder.forcePathStyle(true));
        return configure(builder, Service.S3).build();
    }

    public Macie2Client macie2() {
        return configure(Macie2Client.builder(), Service.MACIE2).build();
    }

    public SfnClient sfn() {
        return configure(SfnClient.builder(), Service.SFN).build();
    }

    public SnsClient sns() {
        return configure(SnsClient.builder(), Service.SNS).build();
    }

    public EventBridgeClient eventBridge() {
        return configure(EventBridgeClient.builder(), Service.EVENTBRIDGE).build();
    }

    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder(), Service.DYNAMODB).build();
    }

    public SecretsManagerClient secretsManager() {
        return configure(SecretsManagerClient.builder(), Service.SECRETS_MANAGER).build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, Service service) {
        builder.region(region).credentialsProvider(credentials);
        endpointFor(service).ifPresent(builder::endpointOverride);
        if (builder instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(ApacheHttpClient.builder().maxConnections(64));
        }
        return builder;
    }

    private static AwsCredentialsProvider credentialsFor(Map<String, String> env) {
        var key = firstNonBlank(env.get("AWS_ACCESS_KEY_ID"));
        var secret = firstNonBlank(env.get("AWS_SECRET_ACCESS_KEY"));
        if (key.isPresent() && secret.isPresent() && firstNonBlank(env.get("AWS_SESSION_TOKEN")).isEmpty()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(key.get(), secret.get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static Optional<String> firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return Optional.of(v.trim());
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "AwsClientFactory[region=" + region.id().toLowerCase(Locale.ROOT) + "]";
    }
}
