package dev.scangate.local.runtime;

import java.util.List;

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

    private LocalResources() {
    }

    public static String topicArn(String name) {
        return "arn:aws:sns:" + LocalConfig.REGION + ":" + LocalConfig.ACCOUNT + ":" + name;
    }

    /** Locally every step's ARN names its function in the in-process registry. */
    public static String functionArn(String step) {
        return "arn:aws:lambda:" + LocalConfig.REGION + ":" + LocalConfig.ACCOUNT + ":function:scangate-" + step;
    }
}
