package dev.scangate.local.runtime;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The names of what the runtime provisions: the local equivalents of the CDK stack's resources. */
public final class LocalResources {

    public static final String RAW_BUCKET = "scangate-raw";
    public static final String SCAN_STAGE_BUCKET = "scangate-scan-stage";
    public static final String MANUAL_REVIEW_BUCKET = "scangate-manual-review";
    public static final String CURATED_BUCKET = "scangate-curated";
    /** Where the local Macie writes sensitive data discovery results. */
    public static final String MACIE_RESULTS_BUCKET = "scangate-macie-results";
    public static final String MACIE_RESULTS_PREFIX = "discovery-results";
    public static final List<String> BUCKETS =
            List.of(RAW_BUCKET, SCAN_STAGE_BUCKET, MANUAL_REVIEW_BUCKET, CURATED_BUCKET, MACIE_RESULTS_BUCKET);

    /** Approval records; partition key {@value #APPROVAL_TABLE_KEY} (S). */
    public static final String APPROVAL_TABLE = "scangate-approvals";
    public static final String APPROVAL_TABLE_KEY = "approvalId";

    public static final String APPROVAL_TOPIC = "scangate-approvals";
    public static final String NOTIFICATION_TOPIC = "scangate-notifications";
    public static final String EVENT_BUS = "default";

    public static final String STATE_MACHINE_NAME = "scangate-pipeline";
    public static final String STATE_MACHINE_ARN =
            "arn:aws:states:" + LocalConfig.REGION + ":" + LocalConfig.ACCOUNT + ":stateMachine:" + STATE_MACHINE_NAME;

    /** The pipeline steps, as named in the ASL placeholders ({@code <Step>FunctionArn}). */
    public static final List<String> STEPS = List.of("StageObjects", "StartScan", "CheckScan", "CollectFindings",
            "RouteObjects", "RequestApproval", "ApplyDecision", "PublishRunEvent", "FailRun");

    private LocalResources() {
    }

    /**
     * The values for the ASL file's {@code ${Placeholder}}s locally (the CDK stack passes its own as
     * definition substitutions), so the one definition runs unchanged.
     */
    public static Map<String, String> definitionSubstitutions(LocalConfig config) {
        var values = new LinkedHashMap<String, String>();
        STEPS.forEach(step -> values.put(step + "FunctionArn", functionArn(step)));
        values.put("ApprovalTopicArn", topicArn(APPROVAL_TOPIC));
        values.put("NotificationTopicArn", topicArn(NOTIFICATION_TOPIC));
        values.put("BackoffFirstSeconds", Integer.toString(config.backoffFirstSeconds()));
        values.put("BackoffFactor", BigDecimal.valueOf(config.backoffFactor()).stripTrailingZeros().toPlainString());
        values.put("BackoffCapSeconds", Integer.toString(config.backoffCapSeconds()));
        values.put("ApprovalTimeoutSeconds", Long.toString(config.approvalTimeoutSeconds()));
        values.put("SeverityThreshold", config.severityThreshold());
        return values;
    }

    public static String topicArn(String name) {
        return "arn:aws:sns:" + LocalConfig.REGION + ":" + LocalConfig.ACCOUNT + ":" + name;
    }

    /** Locally every step's ARN names its function in the in-process registry. */
    public static String functionArn(String step) {
        return "arn:aws:lambda:" + LocalConfig.REGION + ":" + LocalConfig.ACCOUNT + ":function:scangate-" + step;
    }
}
