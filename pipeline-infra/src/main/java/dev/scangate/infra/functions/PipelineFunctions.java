package dev.scangate.infra.functions;

import dev.scangate.infra.approval.ApprovalService;
import dev.scangate.infra.config.LambdaJars;
import dev.scangate.infra.config.ScanGateConfig;
import dev.scangate.infra.storage.DataBuckets;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.Construct;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The step functions with the environment of statemachine/README.md and, per step, only the
 * permissions that step's work needs.
 */
public final class PipelineFunctions extends Construct {

    /** Props for {@link PipelineFunctions}. */
    public record Props(ScanGateConfig config, LambdaJars jars, DataBuckets buckets, IKey dataKey, IKey macieResultsKey,
                        IKey notificationsKey, ApprovalService approval, IEventBus eventBus, List<String> customDataIdentifierIds,
                        List<String> allowListIds) {

        public Props {
            java.util.Objects.requireNonNull(config, "config");
            java.util.Objects.requireNonNull(jars, "jars");
            java.util.Objects.requireNonNull(buckets, "buckets");
            java.util.Objects.requireNonNull(dataKey, "dataKey");
            java.util.Objects.requireNonNull(macieResultsKey, "macieResultsKey");
            java.util.Objects.requireNonNull(notificationsKey, "notificationsKey");
            java.util.Objects.requireNonNull(approval, "approval");
            java.util.Objects.requireNonNull(eventBus, "eventBus");
            java.util.Objects.requireNonNull(customDataIdentifierIds, "customDataIdentifierIds");
            java.util.Objects.requireNonNull(allowListIds, "allowListIds");
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Builder for {@link Props}. */
        public static final class Builder {
            private ScanGateConfig config;
            private LambdaJars jars;
            private DataBuckets buckets;
            private IKey dataKey;
            private IKey macieResultsKey;
            private IKey notificationsKey;
            private ApprovalService approval;
            private IEventBus eventBus;
            private List<String> customDataIdentifierIds;
            private List<String> allowListIds;

            public Builder config(ScanGateConfig value) {
                config = value;
                return this;
            }

            public Builder jars(LambdaJars value) {
                jars = value;
                return this;
            }

            public Builder buckets(DataBuckets value) {
                buckets = value;
                return this;
            }

            public Builder dataKey(IKey value) {
                dataKey = value;
                return this;
            }

            public Builder macieResultsKey(IKey value) {
                macieResultsKey = value;
                return this;
            }

            public Builder notificationsKey(IKey value) {
                notificationsKey = value;
                return this;
            }

            public Builder approval(ApprovalService value) {
                approval = value;
                return this;
            }

            public Builder eventBus(IEventBus value) {
                eventBus = value;
                return this;
            }

            public Builder customDataIdentifierIds(List<String> value) {
                customDataIdentifierIds = value;
                return this;
            }

            public Builder allowListIds(List<String> value) {
                allowListIds = value;
                return this;
            }

            public Props build() {
                return new Props(config, jars, buckets, dataKey, macieResultsKey, notificationsKey, approval, eventBus, customDataIdentifierIds, allowListIds);
            }
        }
    }

    private final Map<PipelineStep, Function> functions = new EnumMap<>(PipelineStep.class);

    public PipelineFunctions(Construct scope, String id, Props props) {
        super(scope, id);
        Map<String, String> environment = environment(props);
        for (PipelineStep step : PipelineStep.values()) {
            // SnapStart needs callers to invoke a published version; the steps are batch work
            // where a cold start is noise next to a Macie job, so they stay on $LATEST.
            functions.put(step, JavaFunctionFactory.create(this, new JavaFunctionFactory.Spec(step.stepName(),
                    step.handler(), props.jars().steps(), step.memoryMb(), step.timeout(), false, environment,
                    props.config().logRetentionDays())));
        }
        grantStageObjects(props);
        grantStartScan(props);
        grantCheckScan();
        grantCollectFindings(props);
        grantRouteObjects(props);
        grantRequestApproval(props);
        grantApplyDecision(props);
        props.eventBus().grantPutEventsTo(function(PipelineStep.PUBLISH_RUN_EVENT));
    }

    public Function function(PipelineStep step) {
        return functions.get(step);
    }

    public Map<PipelineStep, Function> all() {
        return Map.copyOf(functions);
    }

    private static Map<String, String> environment(Props props) {
        ScanGateConfig config = props.config();
        DataBuckets buckets = props.buckets();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("RAW_BUCKET", buckets.raw().getBucketName());
        env.put("SCAN_STAGE_BUCKET", buckets.scanStage().getBucketName());
        env.put("MANUAL_REVIEW_BUCKET", buckets.manualReview().getBucketName());
        env.put("CURATED_BUCKET", buckets.curated().getBucketName());
        env.put("MAX_OBJECTS_PER_RUN", Long.toString(config.maxObjectsPerRun()));
        env.put("MAX_BYTES_PER_RUN", Long.toString(config.maxBytesPerRun()));
        env.put("MACIE_ACCOUNT_ID", Aws.ACCOUNT_ID);
        env.put("MANAGED_IDENTIFIER_SELECTOR", config.managedIdentifierSelector());
        putList(env, "MANAGED_IDENTIFIER_IDS", config.managedIdentifierIds());
        putList(env, "CUSTOM_DATA_IDENTIFIER_IDS", props.customDataIdentifierIds());
        putList(env, "ALLOW_LIST_IDS", props.allowListIds());
        env.put("MACIE_RESULTS_BUCKET", buckets.macieResults().getBucketName());
        env.put("MACIE_RESULTS_PREFIX", config.macieResultsPrefix());
        env.put("REQUIRE_DISCOVERY_RESULTS", Boolean.toString(config.requireDiscoveryResults()));
        env.put("SEVERITY_THRESHOLD", config.severityThreshold());
        env.put("EVENT_BUS_NAME", props.eventBus().getEventBusName());
        env.put("APPROVAL_TABLE", props.approval().table().getTableName());
        env.put("APPROVAL_TOPIC_ARN", props.approval().topic().getTopicArn());
        env.put("APPROVAL_BASE_URL", props.approval().url());
        env.put("APPROVAL_SIGNING_SECRET_ARN", props.approval().signingSecret().getSecretArn());
        putList(env, "APPROVERS", config.approverEmails());
        env.put("POWERTOOLS_SERVICE_NAME", "scangate");
        return env;
    }

    /** Values may be CloudFormation tokens (ids of resources this stack creates), so join with Fn. */
    private static void putList(Map<String, String> env, String name, List<String> values) {
        if (!values.isEmpty()) {
            env.put(name, values.size() == 1 ? values.get(0) : Fn.join(",", values));
        }
    }

    private void grantStageObjects(Props props) {
        Function fn = function(PipelineStep.STAGE_OBJECTS);
        DataBuckets b = props.buckets();
        S3Access.list(fn, b.raw(), null);
        S3Access.objects(fn, b.raw(), "*", concat(S3Access.READ, S3Access.DELETE_VERSION));
        S3Access.list(fn, b.scanStage(), "runs/");
        S3Access.objects(fn, b.scanStage(), "runs/*", concat(S3Access.READ, S3Access.WRITE));
        S3Access.objects(fn, b.scanStage(), "manifests/*", concat(S3Access.READ, S3Access.WRITE));
        useKey(props.dataKey(), fn);
    }

    private void grantStartScan(Props props) {
        Function fn = function(PipelineStep.START_SCAN);
        fn.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("macie2:CreateClassificationJob", "macie2:TagResource"))
                .resources(List.of(classificationJobs()))
                .build());
        S3Access.objects(fn, props.buckets().scanStage(), "manifests/*", S3Access.READ);
        props.dataKey().grantDecrypt(fn);
    }

    private void grantCheckScan() {
        function(PipelineStep.CHECK_SCAN).addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("macie2:DescribeClassificationJob"))
                .resources(List.of(classificationJobs()))
                .build());
    }

    private void grantCollectFindings(Props props) {
        Function fn = function(PipelineStep.COLLECT_FINDINGS);
        fn.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("macie2:DescribeClassificationJob"))
                .resources(List.of(classificationJobs()))
                .build());
        // ListFindings and GetFindings support no resource-level permissions: IAM requires "*".
        fn.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("macie2:ListFindings", "macie2:GetFindings"))
                .resources(List.of("*"))
                .build());
        DataBuckets b = props.buckets();
        S3Access.objects(fn, b.scanStage(), "manifests/*", S3Access.READ);
        S3Access.objects(fn, b.scanStage(), "reports/*", concat(S3Access.READ, S3Access.WRITE));
        String prefix = props.config().macieResultsPrefix() + "/";
        S3Access.list(fn, b.macieResults(), prefix);
        S3Access.objects(fn, b.macieResults(), prefix + "*", List.of("s3:GetObject"));
        useKey(props.dataKey(), fn);
        props.macieResultsKey().grantDecrypt(fn);
    }

    private void grantRouteObjects(Props props) {
        Function fn = function(PipelineStep.ROUTE_OBJECTS);
        DataBuckets b = props.buckets();
        S3Access.list(fn, b.scanStage(), "runs/");
        S3Access.objects(fn, b.scanStage(), "runs/*", concat(S3Access.READ, S3Access.DELETE_VERSION));
        S3Access.objects(fn, b.scanStage(), "reports/*", concat(S3Access.READ, S3Access.WRITE));
        S3Access.objects(fn, b.curated(), "*", concat(S3Access.WRITE, List.of("s3:GetObject", "s3:GetObjectTagging")));
        S3Access.objects(fn, b.manualReview(), "runs/*", concat(S3Access.WRITE, List.of("s3:GetObject", "s3:GetObjectTagging")));
        useKey(props.dataKey(), fn);
    }

    private void grantRequestApproval(Props props) {
        Function fn = function(PipelineStep.REQUEST_APPROVAL);
        props.approval().grantRecords(fn);
        fn.addToRolePolicy(PolicyStatement.Builder.create().actions(List.of("sns:Publish"))
                .resources(List.of(props.approval().topic().getTopicArn())).build());
        props.approval().signingSecret().grantRead(fn);
        S3Access.objects(fn, props.buckets().scanStage(), "reports/*", S3Access.READ);
        useKey(props.dataKey(), fn);
        useKey(props.notificationsKey(), fn);
    }

    private void grantApplyDecision(Props props) {
        Function fn = function(PipelineStep.APPLY_DECISION);
        DataBuckets b = props.buckets();
        S3Access.list(fn, b.manualReview(), "runs/");
        S3Access.objects(fn, b.manualReview(), "runs/*", concat(S3Access.READ, S3Access.DELETE_VERSION));
        S3Access.objects(fn, b.curated(), "*", concat(S3Access.WRITE, List.of("s3:GetObject", "s3:GetObjectTagging")));
        S3Access.objects(fn, b.scanStage(), "reports/*", concat(S3Access.READ, S3Access.WRITE));
        props.approval().grantRecords(fn);
        useKey(props.dataKey(), fn);
    }

    /** Exactly what reading and writing SSE-KMS objects needs; grantEncryptDecrypt adds wildcards. */
    public static void useKey(IKey key, software.amazon.awscdk.services.iam.IGrantable grantee) {
        key.grant(grantee, "kms:Decrypt", "kms:GenerateDataKey");
    }

    private static String classificationJobs() {
        return Fn.join("", List.of("arn:", Aws.PARTITION, ":macie2:", Aws.REGION, ":", Aws.ACCOUNT_ID, ":classification-job/*"));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
