package dev.scangate.infra.workflow;

import dev.scangate.infra.config.ScanGateConfig;
import dev.scangate.infra.functions.PipelineFunctions;
import dev.scangate.infra.functions.PipelineStep;
import dev.scangate.statemachine.definition.PipelineDefinition;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.events.EventField;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.SfnStateMachine;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.LogGroup;
import dev.scangate.infra.functions.JavaFunctionFactory;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The one ASL file deployed as a Standard state machine, plus the schedule that starts it with
 * {@code {"id": <event id>}} so each scheduled run has a stable run id.
 */
public final class PipelineStateMachine extends Construct {

    /** Props for {@link PipelineStateMachine}. */
    public record Props(ScanGateConfig config, PipelineFunctions functions, ITopic approvalTopic,
                        ITopic notificationTopic, IKey notificationsKey) {

        public Props {
            java.util.Objects.requireNonNull(config, "config");
            java.util.Objects.requireNonNull(functions, "functions");
            java.util.Objects.requireNonNull(approvalTopic, "approvalTopic");
            java.util.Objects.requireNonNull(notificationTopic, "notificationTopic");
            java.util.Objects.requireNonNull(notificationsKey, "notificationsKey");
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Builder for {@link Props}. */
        public static final class Builder {
            private ScanGateConfig config;
            private PipelineFunctions functions;
            private ITopic approvalTopic;
            private ITopic notificationTopic;
            private IKey notificationsKey;

            public Builder config(ScanGateConfig value) {
                config = value;
                return this;
            }

            public Builder functions(PipelineFunctions value) {
                functions = value;
                return this;
            }

            public Builder approvalTopic(ITopic value) {
                approvalTopic = value;
                return this;
            }

            public Builder notificationTopic(ITopic value) {
                notificationTopic = value;
                return this;
            }

            public Builder notificationsKey(IKey value) {
                notificationsKey = value;
                return this;
            }

            public Props build() {
                return new Props(config, functions, approvalTopic, notificationTopic, notificationsKey);
            }
        }
    }

    private final StateMachine stateMachine;
    private final Rule schedule;

    public PipelineStateMachine(Construct scope, String id, Props props) {
        super(scope, id);
        PipelineDefinition definition = PipelineDefinition.load();
        Map<String, String> substitutions = substitutions(props);
        if (!new TreeSet<>(substitutions.keySet()).equals(definition.placeholders())) {
            throw new IllegalStateException("the ASL placeholders " + definition.placeholders()
                    + " do not match what the stack fills " + new TreeSet<>(substitutions.keySet())
                    + "; update PipelineStateMachine with statemachine/README.md");
        }
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .retention(JavaFunctionFactory.retention(props.config().logRetentionDays()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        stateMachine = StateMachine.Builder.create(this, "StateMachine")
                .stateMachineType(StateMachineType.STANDARD)
                .definitionBody(DefinitionBody.fromString(definition.text()))
                .definitionSubstitutions(substitutions)
                .tracingEnabled(true)
                .logs(LogOptions.builder()
                        .destination(logs)
                        .level(LogLevel.ALL)
                        .includeExecutionData(props.config().logExecutionData())
                        .build())
                .build();
        props.functions().all().values().forEach(fn -> fn.grantInvoke(stateMachine));
        // Explicit rather than topic.grantPublish, which adds kms:GenerateDataKey* for the topic key.
        stateMachine.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("sns:Publish"))
                .resources(List.of(props.approvalTopic().getTopicArn(), props.notificationTopic().getTopicArn()))
                .build());
        props.notificationsKey().grant(stateMachine, "kms:Decrypt", "kms:GenerateDataKey");

        schedule = Rule.Builder.create(this, "Schedule")
                .description("Starts a ScanGate run; the event id becomes the run id")
                .schedule(Schedule.expression(props.config().schedule()))
                .targets(List.of(SfnStateMachine.Builder.create(stateMachine)
                        .input(RuleTargetInput.fromObject(Map.of("id", EventField.fromPath("$.id"))))
                        .retryAttempts(3)
                        .maxEventAge(Duration.hours(1))
                        .build()))
                .build();
    }

    /** Placeholder values; names and meanings are the table in statemachine/README.md. */
    public static Map<String, String> substitutions(Props props) {
        ScanGateConfig config = props.config();
        Map<String, String> values = new LinkedHashMap<>();
        for (PipelineStep step : PipelineStep.values()) {
            values.put(step.placeholder(), props.functions().function(step).getFunctionArn());
        }
        values.put("ApprovalTopicArn", props.approvalTopic().getTopicArn());
        values.put("NotificationTopicArn", props.notificationTopic().getTopicArn());
        values.put("BackoffFirstSeconds", Integer.toString(config.backoffFirstSeconds()));
        values.put("BackoffFactor", config.backoffFactorText());
        values.put("BackoffCapSeconds", Integer.toString(config.backoffCapSeconds()));
        values.put("ApprovalTimeoutSeconds", Integer.toString(config.approvalTimeoutSeconds()));
        values.put("SeverityThreshold", config.severityThreshold());
        return values;
    }

    public StateMachine stateMachine() {
        return stateMachine;
    }

    public Rule schedule() {
        return schedule;
    }
}
