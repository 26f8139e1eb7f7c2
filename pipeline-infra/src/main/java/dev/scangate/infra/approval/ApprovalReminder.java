package dev.scangate.infra.approval;

import dev.scangate.infra.config.ScanGateConfig;
import dev.scangate.infra.functions.JavaFunctionFactory;
import dev.scangate.infra.functions.PipelineFunctions;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.Construct;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hourly approval reminder: a function (not a state machine step) that reminds approvers once
 * before a pending approval expires and emits {@code ScanGate/ApprovalsNearingExpiry} (EMF, from
 * its logs) for the alarm in {@code Alarms}, and the EventBridge rule that runs it.
 */
public final class ApprovalReminder extends Construct {

    public static final String HANDLER = "dev.scangate.lambdas.handler.RemindApproversHandler::handleRequest";
    /** The same expression the local runtime schedules the reminder with. */
    public static final String SCHEDULE = "rate(1 hour)";
    /** Reminders go out this long before an approval expires (APPROVAL_REMINDER_WINDOW_SECONDS). */
    public static final long WINDOW_SECONDS = 86_400;

    /** Props for {@link ApprovalReminder}. */
    public record Props(ScanGateConfig config, Path jar, ApprovalService approval, IKey notificationsKey) {

        public Props {
            java.util.Objects.requireNonNull(config, "config");
            java.util.Objects.requireNonNull(jar, "jar");
            java.util.Objects.requireNonNull(approval, "approval");
            java.util.Objects.requireNonNull(notificationsKey, "notificationsKey");
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Builder for {@link Props}. */
        public static final class Builder {
            private ScanGateConfig config;
            private Path jar;
            private ApprovalService approval;
            private IKey notificationsKey;

            public Builder config(ScanGateConfig value) {
                config = value;
                return this;
            }

            public Builder jar(Path value) {
                jar = value;
                return this;
            }

            public Builder approval(ApprovalService value) {
                approval = value;
                return this;
            }

            public Builder notificationsKey(IKey value) {
                notificationsKey = value;
                return this;
            }

            public Props build() {
                return new Props(config, jar, approval, notificationsKey);
            }
        }
    }

    private final Function function;
    private final Rule schedule;

    public ApprovalReminder(Construct scope, String id, Props props) {
        super(scope, id);
        ApprovalService approval = props.approval();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("APPROVAL_TABLE", approval.table().getTableName());
        env.put("APPROVAL_TOPIC_ARN", approval.topic().getTopicArn());
        env.put("APPROVAL_BASE_URL", approval.url());
        env.put("APPROVAL_SIGNING_SECRET_ARN", approval.signingSecret().getSecretArn());
        env.put("APPROVAL_REMINDER_WINDOW_SECONDS", Long.toString(WINDOW_SECONDS));
        env.put("POWERTOOLS_SERVICE_NAME", "scangate");
        // Batch work once an hour: no SnapStart, $LATEST like the pipeline steps.
        function = JavaFunctionFactory.create(this, new JavaFunctionFactory.Spec("RemindApprovers", HANDLER, props.jar(),
                512, Duration.minutes(2), false, env, props.config().logRetentionDays()));

        approval.grantReminders(function);
        function.addToRolePolicy(PolicyStatement.Builder.create().actions(List.of("sns:Publish"))
                .resources(List.of(approval.topic().getTopicArn())).build());
        PipelineFunctions.useKey(props.notificationsKey(), function);
        approval.signingSecret().grantRead(function);

        schedule = Rule.Builder.create(this, "Schedule")
                .description("ScanGate: remind approvers before pending approvals expire")
                .schedule(Schedule.expression(SCHEDULE))
                .targets(List.of(new LambdaFunction(function)))
                .build();
    }

    public Function function() {
        return function;
    }

    public Rule schedule() {
        return schedule;
    }
}
