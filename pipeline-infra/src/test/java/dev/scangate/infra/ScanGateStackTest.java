package dev.scangate.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scangate.infra.config.InvalidContextException;
import dev.scangate.infra.config.LambdaJars;
import dev.scangate.infra.functions.PipelineStep;
import dev.scangate.statemachine.definition.PipelineDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The synthesized template, from one synth of the real app with a full sample context. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScanGateStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Actions IAM only accepts on Resource "*" (no resource-level permissions). */
    private static final Set<String> STAR_RESOURCE_ACTIONS = Set.of("xray:PutTraceSegments", "xray:PutTelemetryRecords",
            "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
            "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies",
            "logs:DescribeLogGroups", "xray:GetSamplingRules", "xray:GetSamplingTargets",
            "macie2:ListFindings", "macie2:GetFindings", "macie2:PutClassificationExportConfiguration");

    private SynthFixture synth;
    private JsonNode resources;

    @BeforeAll
    void synthesize() {
        synth = new SynthFixture(SynthFixture.SAMPLE_CONTEXT);
        resources = JSON.valueToTree(synth.template.toJSON()).get("Resources");
    }

    private List<JsonNode> resourcesOfType(String type) {
        List<JsonNode> out = new ArrayList<>();
        resources.fields().forEachRemaining(e -> {
            if (type.equals(e.getValue().path("Type").asText())) {
                out.add(e.getValue());
            }
        });
        return out;
    }

    private JsonNode resource(String logicalIdPrefix) {
        List<String> ids = new ArrayList<>();
        resources.fieldNames().forEachRemaining(ids::add);
        String id = ids.stream().filter(i -> i.startsWith(logicalIdPrefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no resource " + logicalIdPrefix + "* in " + ids));
        return resources.get(id);
    }

    private JsonNode resource(String logicalIdPrefix, String type) {
        List<JsonNode> matches = new ArrayList<>();
        resources.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith(logicalIdPrefix) && type.equals(e.getValue().path("Type").asText())) {
                matches.add(e.getValue());
            }
        });
        assertThat(matches).as(type + " " + logicalIdPrefix + "*").hasSize(1);
        return matches.get(0);
    }

    @Test
    void cdkNag_whenAwsSolutionsChecksRun_reportsNoUnsuppressedErrorOrWarning() {
        assertThat(Annotations.fromStack(synth.stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
        assertThat(Annotations.fromStack(synth.stack).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
    }

    @Test
    void cdkNag_whenSuppressed_everySuppressionHasAReason() {
        List<JsonNode> suppressions = new ArrayList<>();
        resources.forEach(r -> r.path("Metadata").path("cdk_nag").path("rules_to_suppress").forEach(suppressions::add));

        assertThat(suppressions).isNotEmpty();
        assertThat(suppressions).allSatisfy(s -> assertThat(s.path("reason").asText()).hasSizeGreaterThan(40));
    }

    @Test
    void buckets_whenSynthesized_areKmsEncryptedVersionedPrivateAndLogged() {
        for (String id : List.of("BucketsRaw", "BucketsScanStage", "BucketsManualReview", "BucketsCurated", "BucketsMacieResults")) {
            JsonNode props = resource(id).get("Properties");
            JsonNode sse = props.at("/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault");
            assertThat(sse.path("SSEAlgorithm").asText()).as(id).isEqualTo("aws:kms");
            assertThat(sse.path("KMSMasterKeyID").isMissingNode()).as(id).isFalse();
            assertThat(props.at("/VersioningConfiguration/Status").asText()).as(id).isEqualTo("Enabled");
            assertThat(props.get("PublicAccessBlockConfiguration").toString()).as(id)
                    .isEqualTo("{\"BlockPublicAcls\":true,\"BlockPublicPolicy\":true,\"IgnorePublicAcls\":true,\"RestrictPublicBuckets\":true}");
            assertThat(props.at("/LoggingConfiguration/DestinationBucketName").isMissingNode()).as(id).isFalse();
        }
    }

    @Test
    void bucketPolicies_whenSynthesized_denyEveryNonTlsRequest() {
        List<JsonNode> policies = resourcesOfType("AWS::S3::BucketPolicy");

        assertThat(policies).hasSize(6);
        assertThat(policies).allSatisfy(p -> assertThat(p.at("/Properties/PolicyDocument/Statement").toString())
                .contains("\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}")
                .contains("\"Effect\":\"Deny\""));
    }

    @Test
    void lifecycle_whenSynthesized_expiresCurrentObjectsOnlyInManualReviewAndNoncurrentEverywhere() {
        for (String id : List.of("BucketsRaw", "BucketsScanStage", "BucketsManualReview", "BucketsCurated", "BucketsMacieResults")) {
            JsonNode rules = resource(id).at("/Properties/LifecycleConfiguration/Rules");
            assertThat(rules.toString()).as(id).contains("\"NoncurrentVersionExpiration\":{\"NoncurrentDays\":30}");
            boolean expiresCurrent = false;
            for (JsonNode rule : rules) {
                expiresCurrent |= rule.has("ExpirationInDays") || rule.has("ExpirationDate");
            }
            assertThat(expiresCurrent).as(id + " expires current objects").isEqualTo(id.equals("BucketsManualReview"));
        }
        assertThat(resource("BucketsManualReview").at("/Properties/LifecycleConfiguration/Rules").toString())
                .contains("\"ExpirationInDays\":30");
    }

    @Test
    void keys_whenSynthesized_rotateAndLetMacieUseWhatItNeeds() {
        List<JsonNode> keys = resourcesOfType("AWS::KMS::Key");

        assertThat(keys).hasSize(3).allSatisfy(k -> assertThat(k.at("/Properties/EnableKeyRotation").asBoolean()).isTrue());
        assertThat(resource("KeysMacieResultsKey").at("/Properties/KeyPolicy").toString())
                .contains("macie.amazonaws.com").contains("kms:GenerateDataKey");
        assertThat(resource("KeysDataKey").at("/Properties/KeyPolicy").toString())
                .contains("AWSServiceRoleForAmazonMacie");
        assertThat(resource("KeysDataKey").path("DependsOn").toString()).contains("MacieSession");
        assertThat(resource("BucketsMacieResultsPolicy").toString()).contains("macie.amazonaws.com")
                .contains("/macie-results/*");
    }

    @Test
    void stateMachine_whenSynthesized_isStandardWithFullLoggingNoDataAndXRay() {
        JsonNode props = resourcesOfType("AWS::StepFunctions::StateMachine").get(0).get("Properties");

        assertThat(props.path("StateMachineType").asText()).isEqualTo("STANDARD");
        assertThat(props.at("/LoggingConfiguration/Level").asText()).isEqualTo("ALL");
        assertThat(props.at("/LoggingConfiguration/IncludeExecutionData").asBoolean(true)).isFalse();
        assertThat(props.at("/TracingConfiguration/Enabled").asBoolean()).isTrue();
    }

    @Test
    void stateMachine_whenSubstituted_equalsTheOneAslFile() throws Exception {
        JsonNode props = resourcesOfType("AWS::StepFunctions::StateMachine").get(0).get("Properties");
        JsonNode substitutions = props.get("DefinitionSubstitutions");
        Map<String, String> sample = new TreeMap<>();
        substitutions.fields().forEachRemaining(e -> sample.put(e.getKey(),
                e.getValue().isTextual() ? e.getValue().asText() : "arn:aws:sample:us-east-1:123456789012:" + e.getKey()));

        String deployed = PipelineDefinition.of(props.path("DefinitionString").asText()).substitute(sample);
        String expected = PipelineDefinition.load().substitute(sample);

        assertThat(JSON.readTree(deployed)).isEqualTo(JSON.readTree(expected));
        assertThat(sample).containsEntry("SeverityThreshold", "MEDIUM").containsEntry("ApprovalTimeoutSeconds", "432000")
                .containsEntry("BackoffFirstSeconds", "60").containsEntry("BackoffFactor", "2")
                .containsEntry("BackoffCapSeconds", "900");
        for (PipelineStep step : PipelineStep.values()) {
            assertThat(substitutions.get(step.placeholder()).toString()).as(step.placeholder())
                    .contains("Steps" + step.stepName()).contains("Fn::GetAtt");
        }
    }

    @Test
    void schedule_whenSynthesized_startsTheStateMachineWithTheEventId() {
        JsonNode rule = resource("PipelineSchedule").get("Properties");

        assertThat(rule.path("ScheduleExpression").asText()).isEqualTo("rate(6 hours)");
        JsonNode target = rule.at("/Targets/0");
        assertThat(target.path("Arn").toString()).contains("PipelineStateMachine");
        assertThat(target.at("/InputTransformer/InputPathsMap").toString()).isEqualTo("{\"id\":\"$.id\"}");
        assertThat(target.at("/InputTransformer/InputTemplate").asText().replace(" ", "")).isEqualTo("{\"id\":<id>}");
    }

    @Test
    void functions_whenSynthesized_runJava21OnArm64WithJsonLogsAndTracing() {
        List<JsonNode> functions = new ArrayList<>();
        for (JsonNode fn : resourcesOfType("AWS::Lambda::Function")) {
            if (fn.at("/Properties/Handler").asText().startsWith("dev.scangate.")) {
                functions.add(fn.get("Properties"));
            }
        }
        assertThat(functions).hasSize(11);
        assertThat(functions).allSatisfy(fn -> {
            assertThat(fn.path("Runtime").asText()).isEqualTo("java21");
            assertThat(fn.path("Architectures").toString()).isEqualTo("[\"arm64\"]");
            assertThat(fn.at("/LoggingConfig/LogFormat").asText()).isEqualTo("JSON");
            assertThat(fn.at("/TracingConfig/Mode").asText()).isEqualTo("Active");
        });
        assertThat(functions).extracting(fn -> fn.path("Handler").asText()).contains(
                "dev.scangate.lambdas.handler.StageObjectsHandler::handleRequest",
                "dev.scangate.lambdas.handler.PublishRunEventHandler::handleRequest",
                "dev.scangate.lambdas.handler.FailRunHandler::handleRequest",
                "dev.scangate.lambdas.handler.RemindApproversHandler::handleRequest",
                "dev.scangate.approval.handler.ApprovalApiHandler::handleRequest");
        JsonNode approval = functions.stream().filter(fn -> fn.path("Handler").asText().contains("ApprovalApi")).findFirst().orElseThrow();
        assertThat(approval.at("/SnapStart/ApplyOn").asText()).isEqualTo("PublishedVersions");
        JsonNode stage = functions.stream().filter(fn -> fn.path("Handler").asText().contains("StageObjects")).findFirst().orElseThrow();
        assertThat(stage.at("/Environment/Variables").fieldNames()).toIterable().contains("RAW_BUCKET", "SCAN_STAGE_BUCKET",
                "MANUAL_REVIEW_BUCKET", "CURATED_BUCKET", "MACIE_RESULTS_BUCKET", "MACIE_RESULTS_PREFIX",
                "MANAGED_IDENTIFIER_SELECTOR", "CUSTOM_DATA_IDENTIFIER_IDS", "ALLOW_LIST_IDS", "EVENT_BUS_NAME",
                "APPROVAL_TABLE", "APPROVAL_SIGNING_SECRET_ARN", "APPROVERS");
    }

    @Test
    void iamPolicies_whenSynthesized_grantNoWildcardActionsAndStarResourcesOnlyWhereIamRequiresIt() {
        List<JsonNode> statements = new ArrayList<>();
        for (JsonNode policy : resourcesOfType("AWS::IAM::Policy")) {
            policy.at("/Properties/PolicyDocument/Statement").forEach(statements::add);
        }
        assertThat(statements).isNotEmpty();
        for (JsonNode statement : statements) {
            List<String> actions = texts(statement.get("Action"));
            assertThat(actions).as(statement.toString()).noneMatch(a -> a.equals("*") || a.endsWith(":*"));
            if (texts(statement.get("Resource")).contains("*")) {
                assertThat(actions).as("Resource * only for actions without resource-level permissions: " + statement)
                        .isSubsetOf(STAR_RESOURCE_ACTIONS);
            }
        }
        assertThat(statements.stream().flatMap(s -> texts(s.get("Action")).stream()))
                .noneMatch(a -> a.contains("*") && !a.startsWith("xray:"));
    }

    @Test
    void approval_whenSynthesized_tableTopicSecretAndThrottledLoggedApi() {
        JsonNode table = resourcesOfType("AWS::DynamoDB::Table").get(0).get("Properties");
        assertThat(table.path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
        assertThat(table.at("/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled").asBoolean()).isTrue();
        assertThat(table.at("/TimeToLiveSpecification/AttributeName").asText()).isEqualTo("ttl");
        assertThat(table.at("/SSESpecification/SSEType").asText()).isEqualTo("KMS");
        assertThat(table.at("/KeySchema/0/AttributeName").asText()).isEqualTo("approvalId");

        assertThat(resourcesOfType("AWS::SNS::Topic")).hasSize(3)
                .allSatisfy(t -> assertThat(t.at("/Properties/KmsMasterKeyId").isMissingNode()).isFalse());
        assertThat(resourcesOfType("AWS::SNS::Subscription")).extracting(s -> s.at("/Properties/Endpoint").asText())
                .contains("approver@example.com", "ops@example.com");
        assertThat(resourcesOfType("AWS::SecretsManager::Secret")).hasSize(1);

        JsonNode stage = resourcesOfType("AWS::ApiGatewayV2::Stage").get(0).get("Properties");
        assertThat(stage.path("StageName").asText()).isEqualTo("$default");
        assertThat(stage.at("/DefaultRouteSettings/ThrottlingRateLimit").asInt()).isEqualTo(10);
        assertThat(stage.at("/DefaultRouteSettings/ThrottlingBurstLimit").asInt()).isEqualTo(20);
        assertThat(stage.at("/AccessLogSettings/Format").asText()).contains("$context.routeKey").doesNotContain("querystring");
        assertThat(resourcesOfType("AWS::ApiGatewayV2::Integration").get(0).toString()).contains("ApprovalApiLive");
    }

    @Test
    void macie_whenEnabledInContext_createsSessionIdentifiersAllowListsAndResultsLocation() {
        assertThat(resourcesOfType("AWS::Macie::Session")).hasSize(1);
        assertThat(resourcesOfType("AWS::Macie::CustomDataIdentifier").get(0).at("/Properties/Regex").asText())
                .isEqualTo("EMP-[0-9]{6}");
        assertThat(resourcesOfType("AWS::Macie::AllowList")).hasSize(1);
        assertThat(resourcesOfType("Custom::AWS").get(0).toString()).contains("putClassificationExportConfiguration");
    }

    @Test
    void alarms_whenSynthesized_coverExecutionsFunctionsAndApprovalsAndNotifyTheAlarmTopic() {
        List<JsonNode> alarms = resourcesOfType("AWS::CloudWatch::Alarm");
        List<String> metrics = alarms.stream().map(a -> a.at("/Properties/MetricName").asText()).toList();

        assertThat(metrics).contains("ExecutionsFailed", "ExecutionsTimedOut", "ApprovalsNearingExpiry");
        assertThat(metrics.stream().filter("Errors"::equals)).as("every function but FailRun, which errors once per failed run")
                .hasSize(10);
        assertThat(alarms).allSatisfy(a -> assertThat(a.at("/Properties/AlarmActions").toString()).contains("AlarmTopic"));
    }

    @Test
    void approvalReminder_whenSynthesized_runsHourlyWithLeastPrivilegeAndFeedsTheNearingExpiryAlarm() {
        JsonNode rule = resource("ApprovalReminderSchedule", "AWS::Events::Rule").get("Properties");
        assertThat(rule.path("ScheduleExpression").asText()).isEqualTo("rate(1 hour)");
        assertThat(rule.at("/Targets/0/Arn").toString()).contains("ApprovalReminderRemindApprovers").contains("Fn::GetAtt");
        assertThat(rule.at("/Targets/0/Input").isMissingNode()).as("the scheduled event goes through as it is").isTrue();
        assertThat(resourcesOfType("AWS::Lambda::Permission")).anySatisfy(p -> {
            assertThat(p.at("/Properties/Principal").asText()).isEqualTo("events.amazonaws.com");
            assertThat(p.at("/Properties/SourceArn").toString()).contains("ApprovalReminderSchedule");
        });

        JsonNode fn = resource("ApprovalReminderRemindApprovers", "AWS::Lambda::Function").get("Properties");
        assertThat(fn.path("Handler").asText()).isEqualTo("dev.scangate.lambdas.handler.RemindApproversHandler::handleRequest");
        assertThat(fn.at("/Environment/Variables").fieldNames()).toIterable().containsExactlyInAnyOrder("APPROVAL_TABLE",
                "APPROVAL_TOPIC_ARN", "APPROVAL_BASE_URL", "APPROVAL_SIGNING_SECRET_ARN", "APPROVAL_REMINDER_WINDOW_SECONDS",
                "POWERTOOLS_SERVICE_NAME");
        assertThat(fn.at("/Environment/Variables/APPROVAL_REMINDER_WINDOW_SECONDS").asText()).isEqualTo("86400");

        List<String> actions = new ArrayList<>();
        resources.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("ApprovalReminderRemindApproversRole")
                    && "AWS::IAM::Policy".equals(e.getValue().path("Type").asText())) {
                e.getValue().at("/Properties/PolicyDocument/Statement").forEach(st -> actions.addAll(texts(st.get("Action"))));
            }
        });
        assertThat(actions).containsExactlyInAnyOrder("logs:CreateLogStream", "logs:PutLogEvents",
                "xray:PutTraceSegments", "xray:PutTelemetryRecords",
                "dynamodb:Scan", "dynamodb:UpdateItem", "dynamodb:DescribeTable",
                "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey",
                "sns:Publish", "kms:Decrypt", "kms:GenerateDataKey",
                "secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret");
        assertThat(actions).doesNotContain("dynamodb:PutItem", "dynamodb:DeleteItem", "states:SendTaskSuccess", "cloudwatch:PutMetricData");

        // the namespace and metric RemindApproversHandler emits (lambdas: METRIC_NAMESPACE, METRIC_NAME)
        JsonNode alarm = resourcesOfType("AWS::CloudWatch::Alarm").stream()
                .filter(a -> a.at("/Properties/MetricName").asText().equals("ApprovalsNearingExpiry")).findFirst().orElseThrow()
                .get("Properties");
        assertThat(alarm.path("Namespace").asText()).isEqualTo("ScanGate");
        assertThat(alarm.has("Dimensions")).isFalse();
        assertThat(alarm.path("Statistic").asText()).isEqualTo("Maximum");
        assertThat(alarm.path("Period").asInt()).isEqualTo(900);
        assertThat(alarm.path("Threshold").asInt()).isEqualTo(1);
        assertThat(alarm.path("ComparisonOperator").asText()).isEqualTo("GreaterThanOrEqualToThreshold");
        assertThat(alarm.path("TreatMissingData").asText()).isEqualTo("ignore");
        assertThat(resourcesOfType("AWS::CloudWatch::Alarm")).anySatisfy(a ->
                assertThat(a.at("/Properties/Dimensions").toString()).contains("ApprovalReminderRemindApprovers"));
    }

    @Test
    void outputs_whenSynthesized_nameBucketsStateMachineApiAndTopics() {
        Map<String, Map<String, Object>> outputs = synth.template.findOutputs("*");

        assertThat(outputs.keySet()).contains("RawBucketName", "ScanStageBucketName", "ManualReviewBucketName",
                "CuratedBucketName", "StateMachineArn", "ApprovalApiUrl", "ApprovalTopicArn", "NotificationTopicArn");
    }

    @Test
    void build_whenContextBad_failsBeforeSynthNamingTheKey() {
        Map<String, Object> context = new HashMap<>(SynthFixture.SAMPLE_CONTEXT);
        context.put("scangate:severityThreshold", "SEVERE");
        App app = App.Builder.create().context(context).build();

        assertThatThrownBy(() -> ScanGateApp.build(app, LambdaJars.locate(Path.of(""))))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("scangate:severityThreshold: 'SEVERE' is not one of [HIGH, LOW, MEDIUM]");
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> out.add(n.isTextual() ? n.asText() : n.toString()));
        } else {
            out.add(node.isTextual() ? node.asText() : node.toString());
        }
        return out;
    }
}
