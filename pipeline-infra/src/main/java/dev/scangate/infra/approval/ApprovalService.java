package dev.scangate.infra.approval;

import dev.scangate.infra.config.ScanGateConfig;
import dev.scangate.infra.functions.JavaFunctionFactory;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where a person decides: the approval table, the approvers' topic, the link-signing key and
 * the HTTP API in front of the approval Lambda.
 */
public final class ApprovalService extends Construct {

    /** Partition key of the approval table (the approval id in the link). */
    public static final String TABLE_PARTITION_KEY = "approvalId";
    /** Epoch-seconds attribute DynamoDB TTL uses to remove old approval records. */
    public static final String TABLE_TTL_ATTRIBUTE = "ttl";
    public static final String HANDLER = "dev.scangate.approval.handler.ApprovalApiHandler::handleRequest";

    /** Props for {@link ApprovalService}. */
    public record Props(ScanGateConfig config, Path jar, IKey dataKey, IKey notificationsKey, IBucket scanStage,
                        IEventBus eventBus) {

        public Props {
            java.util.Objects.requireNonNull(config, "config");
            java.util.Objects.requireNonNull(jar, "jar");
            java.util.Objects.requireNonNull(dataKey, "dataKey");
            java.util.Objects.requireNonNull(notificationsKey, "notificationsKey");
            java.util.Objects.requireNonNull(scanStage, "scanStage");
            java.util.Objects.requireNonNull(eventBus, "eventBus");
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Builder for {@link Props}. */
        public static final class Builder {
            private ScanGateConfig config;
            private Path jar;
            private IKey dataKey;
            private IKey notificationsKey;
            private IBucket scanStage;
            private IEventBus eventBus;

            public Builder config(ScanGateConfig value) {
                config = value;
                return this;
            }

            public Builder jar(Path value) {
                jar = value;
                return this;
            }

            public Builder dataKey(IKey value) {
                dataKey = value;
                return this;
            }

            public Builder notificationsKey(IKey value) {
                notificationsKey = value;
                return this;
            }

            public Builder scanStage(IBucket value) {
                scanStage = value;
                return this;
            }

            public Builder eventBus(IEventBus value) {
                eventBus = value;
                return this;
            }

            public Props build() {
                return new Props(config, jar, dataKey, notificationsKey, scanStage, eventBus);
            }
        }
    }

    private final Table table;
    private final Topic topic;
    private final Secret signingSecret;
    private final Function function;
    private final Alias liveAlias;
    private final HttpApi api;

    public ApprovalService(Construct scope, String id, Props props) {
        super(scope, id);
        table = Table.Builder.create(this, "Table")
                .partitionKey(Attribute.builder().name(TABLE_PARTITION_KEY).type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .encryption(TableEncryption.CUSTOMER_MANAGED)
                .encryptionKey(props.dataKey())
                .timeToLiveAttribute(TABLE_TTL_ATTRIBUTE)
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        topic = Topic.Builder.create(this, "ApproversTopic")
                .displayName("ScanGate approvals")
                .masterKey(props.notificationsKey())
                .enforceSsl(true)
                .build();
        signingSecret = Secret.Builder.create(this, "SigningKey")
                .description("ScanGate: HMAC key that signs approval links")
                .generateSecretString(SecretStringGenerator.builder()
                        .passwordLength(64)
                        .excludePunctuation(true)
                        .build())
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();

        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("APPROVAL_TABLE", table.getTableName());
        env.put("APPROVAL_SIGNING_SECRET_ARN", signingSecret.getSecretArn());
        env.put("SCAN_STAGE_BUCKET", props.scanStage().getBucketName());
        env.put("EVENT_BUS_NAME", props.eventBus().getEventBusName());
        if (!props.config().approverEmails().isEmpty()) {
            env.put("APPROVERS", String.join(",", props.config().approverEmails()));
        }
        env.put("POWERTOOLS_SERVICE_NAME", "scangate-approval");
        // A person waits for this page after clicking the link: SnapStart takes the JVM start off
        // that wait, and the API invokes the published alias so it applies.
        function = JavaFunctionFactory.create(this, new JavaFunctionFactory.Spec("ApprovalApi", HANDLER, props.jar(),
                1024, Duration.seconds(29), true, env, props.config().logRetentionDays()));
        // The alias below publishes the version SnapStart needs.
        software.amazon.awscdk.Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "published through the 'live' alias that the API invokes");
        liveAlias = Alias.Builder.create(this, "ApprovalApiLive")
                .aliasName("live")
                .version(function.getCurrentVersion())
                .build();
        grantRecords(function);
        signingSecret.grantRead(function);
        dev.scangate.infra.functions.PipelineFunctions.useKey(props.dataKey(), function);
        function.addToRolePolicy(software.amazon.awscdk.services.iam.PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject", "s3:GetObjectVersion"))
                .resources(List.of(props.scanStage().arnForObjects("reports/*")))
                .build());
        props.eventBus().grantPutEventsTo(function);

        api = HttpApi.Builder.create(this, "Api")
                .description("ScanGate approval links: review page (GET) and decisions (POST)")
                .createDefaultStage(false)
                .defaultIntegration(new HttpLambdaIntegration("ApprovalApiIntegration", liveAlias))
                .build();
        LogGroup accessLogs = LogGroup.Builder.create(this, "ApiAccessLogs")
                .retention(JavaFunctionFactory.retention(props.config().logRetentionDays()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        HttpStage.Builder.create(this, "DefaultStage")
                .httpApi(api)
                .stageName("$default")
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder()
                        .rateLimit(props.config().apiRateLimit())
                        .burstLimit(props.config().apiBurstLimit())
                        .build())
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public IAccessLogDestination getDestination() {
                        return new LogGroupLogDestination(accessLogs);
                    }

                    // The route key, not the raw path or query: the query carries the link signature.
                    @Override
                    public AccessLogFormat getFormat() {
                        return AccessLogFormat.custom("{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
                                + "\"requestTime\":\"$context.requestTime\",\"httpMethod\":\"$context.httpMethod\","
                                + "\"routeKey\":\"$context.routeKey\",\"status\":\"$context.status\","
                                + "\"responseLength\":\"$context.responseLength\",\"integrationError\":\"$context.integrationErrorMessage\"}");
                    }
                })
                .build();
    }

    /**
     * Item reads and writes on the approval table and use of its key. Table.grantReadWriteData
     * also hands out kms:ReEncrypt* and kms:GenerateDataKey*; these are the exact actions.
     */
    public void grantRecords(software.amazon.awscdk.services.iam.IGrantable grantee) {
        table.grant(grantee, "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query",
                "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable");
        table.getEncryptionKey().grant(grantee, "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey");
    }

    /**
     * What the hourly reminder needs on the table: Scan (to find pending approvals near expiry)
     * and UpdateItem (the conditional reminder claim), with the table key's exact actions.
     */
    public void grantReminders(software.amazon.awscdk.services.iam.IGrantable grantee) {
        table.grant(grantee, "dynamodb:Scan", "dynamodb:UpdateItem", "dynamodb:DescribeTable");
        table.getEncryptionKey().grant(grantee, "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey");
    }

    public Table table() {
        return table;
    }

    public Topic topic() {
        return topic;
    }

    public Secret signingSecret() {
        return signingSecret;
    }

    public Function function() {
        return function;
    }

    public HttpApi api() {
        return api;
    }

    /** Base URL of the approval links ({@code https://<id>.execute-api.<region>.amazonaws.com/}). */
    public String url() {
        return api.getApiEndpoint() + "/";
    }
}
