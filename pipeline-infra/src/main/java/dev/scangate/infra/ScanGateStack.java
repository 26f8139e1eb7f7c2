package dev.scangate.infra;

import dev.scangate.infra.approval.ApprovalReminder;
import dev.scangate.infra.approval.ApprovalService;
import dev.scangate.infra.compliance.NagSuppressionRules;
import dev.scangate.infra.config.LambdaJars;
import dev.scangate.infra.config.ScanGateConfig;
import dev.scangate.infra.functions.PipelineFunctions;
import dev.scangate.infra.functions.PipelineStep;
import dev.scangate.infra.keys.EncryptionKeys;
import dev.scangate.infra.macie.MacieSetup;
import dev.scangate.infra.monitoring.Alarms;
import dev.scangate.infra.storage.DataBuckets;
import dev.scangate.infra.workflow.PipelineStateMachine;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ScanGate in one stack: data buckets, Macie, the steps, the state machine, approval, alarms. */
public final class ScanGateStack extends Stack {

    private final DataBuckets buckets;
    private final PipelineStateMachine pipeline;
    private final ApprovalService approval;

    public ScanGateStack(Construct scope, String id, StackProps props, ScanGateConfig config, LambdaJars jars) {
        super(scope, id, props);
        EncryptionKeys keys = new EncryptionKeys(this, "Keys");
        buckets = new DataBuckets(this, "Buckets", DataBuckets.Props.builder()
                .names(config.bucketNames())
                .dataKey(keys.data())
                .macieResultsKey(keys.macieResults())
                .macieResultsPrefix(config.macieResultsPrefix())
                .noncurrentVersionExpirationDays(config.noncurrentVersionExpirationDays())
                .manualReviewExpirationDays(config.manualReviewExpirationDays())
                .build());
        IEventBus bus = config.usesDefaultEventBus()
                ? EventBus.fromEventBusName(this, "RunEvents", "default")
                : EventBus.Builder.create(this, "RunEvents").eventBusName(config.eventBusName()).build();
        MacieSetup macie = new MacieSetup(this, "Macie", MacieSetup.Props.builder()
                .config(config)
                .resultsBucket(buckets.macieResults())
                .resultsKey(keys.macieResults())
                .build());
        // The data key policy names Macie's service-linked role, which KMS rejects until it exists.
        macie.session().ifPresent(session -> keys.data().getNode().addDependency(session));

        approval = new ApprovalService(this, "Approval", ApprovalService.Props.builder()
                .config(config)
                .jar(jars.approvalApi())
                .dataKey(keys.data())
                .notificationsKey(keys.notifications())
                .scanStage(buckets.scanStage())
                .eventBus(bus)
                .build());
        config.approverEmails().forEach(email -> approval.topic().addSubscription(new EmailSubscription(email)));
        Topic notifications = topic("OperatorsTopic", "ScanGate run failures", keys.notifications(), config.alarmEmails());
        Topic alarmTopic = topic("AlarmTopic", "ScanGate alarms", keys.notifications(), config.alarmEmails());

        PipelineFunctions functions = new PipelineFunctions(this, "Steps", PipelineFunctions.Props.builder()
                .config(config)
                .jars(jars)
                .buckets(buckets)
                .dataKey(keys.data())
                .macieResultsKey(keys.macieResults())
                .notificationsKey(keys.notifications())
                .approval(approval)
                .eventBus(bus)
                .customDataIdentifierIds(macie.customDataIdentifierIds())
                .allowListIds(macie.allowListIds())
                .build());
        pipeline = new PipelineStateMachine(this, "Pipeline", PipelineStateMachine.Props.builder()
                .config(config)
                .functions(functions)
                .approvalTopic(approval.topic())
                .notificationTopic(notifications)
                .notificationsKey(keys.notifications())
                .build());
        pipeline.stateMachine().grantTaskResponse(approval.function());
        ApprovalReminder reminder = new ApprovalReminder(this, "ApprovalReminder", ApprovalReminder.Props.builder()
                .config(config)
                .jar(jars.steps())
                .approval(approval)
                .notificationsKey(keys.notifications())
                .build());

        Map<String, IFunction> monitored = new LinkedHashMap<>();
        for (PipelineStep step : PipelineStep.values()) {
            // FailRun errors by design, once per failed run; the ExecutionsFailed alarm covers those
            if (step != PipelineStep.FAIL_RUN) {
                monitored.put(step.stepName(), functions.function(step));
            }
        }
        monitored.put("ApprovalApi", approval.function());
        monitored.put("RemindApprovers", reminder.function());
        new Alarms(this, "Alarms", Alarms.Props.builder()
                .stateMachine(pipeline.stateMachine())
                .functions(monitored)
                .alarmTopic(alarmTopic)
                .build());

        output("RawBucketName", buckets.raw().getBucketName(), "producers write here");
        output("ScanStageBucketName", buckets.scanStage().getBucketName(), "staged objects, manifests and run reports");
        output("ManualReviewBucketName", buckets.manualReview().getBucketName(), "objects held for a decision");
        output("CuratedBucketName", buckets.curated().getBucketName(), "clean and approved objects");
        output("MacieResultsBucketName", buckets.macieResults().getBucketName(), "Macie discovery results");
        output("StateMachineArn", pipeline.stateMachine().getStateMachineArn(), "the pipeline");
        output("ApprovalApiUrl", approval.url(), "base URL of approval links");
        output("ApprovalTopicArn", approval.topic().getTopicArn(), "approvers subscribe here");
        output("NotificationTopicArn", notifications.getTopicArn(), "run failure notices");
        output("AlarmTopicArn", alarmTopic.getTopicArn(), "alarms");

        NagSuppressionRules.apply(this);
        if (config.configureMacieResults()) {
            // The provider is a stack-level singleton whose construct id is "AWS" + its UUID.
            NagSuppressionRules.applyToCustomResourceProvider(this, "/" + getNode().getPath() + "/AWS"
                    + AwsCustomResource.PROVIDER_FUNCTION_UUID.replace("-", ""));
        }
    }

    private Topic topic(String id, String displayName, IKey key, List<String> emails) {
        Topic topic = Topic.Builder.create(this, id).displayName(displayName).masterKey(key).enforceSsl(true).build();
        emails.forEach(email -> topic.addSubscription(new EmailSubscription(email)));
        return topic;
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }

    public DataBuckets buckets() {
        return buckets;
    }

    public PipelineStateMachine pipeline() {
        return pipeline;
    }

    public ApprovalService approval() {
        return approval;
    }
}
