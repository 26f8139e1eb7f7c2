package dev.scangate.infra.monitoring;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;
import software.constructs.Construct;

import java.util.Map;

/** Alarms that page operators through one topic. */
public final class Alarms extends Construct {

    /**
     * Custom metric (namespace, name) counting pending approvals close to their expiry, emitted
     * (EMF, no dimensions) by the hourly RemindApprovers function; the lambdas module's
     * {@code RemindApproversHandler.METRIC_NAMESPACE}/{@code METRIC_NAME} must stay equal to these.
     */
    public static final String APPROVALS_NAMESPACE = "ScanGate";
    public static final String APPROVALS_NEARING_EXPIRY_METRIC = "ApprovalsNearingExpiry";

    /** Props for {@link Alarms}. */
    public record Props(IStateMachine stateMachine, Map<String, IFunction> functions, ITopic alarmTopic) {

        public Props {
            java.util.Objects.requireNonNull(stateMachine, "stateMachine");
            java.util.Objects.requireNonNull(functions, "functions");
            java.util.Objects.requireNonNull(alarmTopic, "alarmTopic");
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Builder for {@link Props}. */
        public static final class Builder {
            private IStateMachine stateMachine;
            private Map<String, IFunction> functions;
            private ITopic alarmTopic;

            public Builder stateMachine(IStateMachine value) {
                stateMachine = value;
                return this;
            }

            public Builder functions(Map<String, IFunction> value) {
                functions = value;
                return this;
            }

            public Builder alarmTopic(ITopic value) {
                alarmTopic = value;
                return this;
            }

            public Props build() {
                return new Props(stateMachine, functions, alarmTopic);
            }
        }
    }

    public Alarms(Construct scope, String id, Props props) {
        super(scope, id);
        SnsAction action = new SnsAction(props.alarmTopic());
        MetricOptions fiveMinuteSum = MetricOptions.builder().period(Duration.minutes(5)).statistic("Sum").build();
        alarm("ExecutionsFailed", "A ScanGate run failed; nothing it held was promoted. Redrive it after fixing the cause.",
                props.stateMachine().metricFailed(fiveMinuteSum), action);
        alarm("ExecutionsTimedOut", "A ScanGate run timed out.", props.stateMachine().metricTimedOut(fiveMinuteSum), action);
        alarm("ExecutionsAborted", "A ScanGate run was aborted.", props.stateMachine().metricAborted(fiveMinuteSum), action);
        props.functions().forEach((name, fn) -> alarm(name + "Errors",
                "The ScanGate " + name + " function reported errors.", fn.metricErrors(fiveMinuteSum), action));
        // The reminder emits this once an hour (0 included), so three of four 15-minute periods
        // have no data: missing data keeps the last state instead of flipping the alarm back to
        // OK (and re-notifying) every hour. Only a datapoint of 0 clears it. A reminder that
        // stops running is the RemindApproversErrors alarm's job.
        alarm("ApprovalsNearingExpiry",
                "A ScanGate approval is about to expire without a decision; its objects will stay in manual-review.",
                Metric.Builder.create()
                        .namespace(APPROVALS_NAMESPACE)
                        .metricName(APPROVALS_NEARING_EXPIRY_METRIC)
                        .statistic("Maximum")
                        .period(Duration.minutes(15))
                        .build(),
                action, TreatMissingData.IGNORE);
    }

    private void alarm(String id, String description, IMetric metric, SnsAction action) {
        alarm(id, description, metric, action, TreatMissingData.NOT_BREACHING);
    }

    private void alarm(String id, String description, IMetric metric, SnsAction action, TreatMissingData missingData) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(missingData)
                .build();
        alarm.addAlarmAction(action);
    }
}
