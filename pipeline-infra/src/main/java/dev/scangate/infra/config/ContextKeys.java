package dev.scangate.infra.config;

/** CDK context keys (all prefixed {@code scangate:}) and their defaults. README lists the same. */
public final class ContextKeys {

    public static final String PREFIX = "scangate:";

    public static final String SCHEDULE = PREFIX + "schedule";
    public static final String SEVERITY_THRESHOLD = PREFIX + "severityThreshold";
    public static final String MANAGED_IDENTIFIER_SELECTOR = PREFIX + "managedIdentifierSelector";
    public static final String MANAGED_IDENTIFIER_IDS = PREFIX + "managedIdentifierIds";
    public static final String CUSTOM_DATA_IDENTIFIERS = PREFIX + "customDataIdentifiers";
    public static final String CUSTOM_DATA_IDENTIFIER_IDS = PREFIX + "customDataIdentifierIds";
    public static final String ALLOW_LISTS = PREFIX + "allowLists";
    public static final String ALLOW_LIST_IDS = PREFIX + "allowListIds";
    public static final String ENABLE_MACIE_SESSION = PREFIX + "enableMacieSession";
    public static final String CONFIGURE_MACIE_RESULTS = PREFIX + "configureMacieResults";
    public static final String MACIE_RESULTS_PREFIX = PREFIX + "macieResultsPrefix";
    public static final String REQUIRE_DISCOVERY_RESULTS = PREFIX + "requireDiscoveryResults";
    public static final String APPROVAL_TIMEOUT_SECONDS = PREFIX + "approvalTimeoutSeconds";
    public static final String APPROVER_EMAIL = PREFIX + "approverEmail";
    public static final String ALARM_EMAIL = PREFIX + "alarmEmail";
    public static final String BUCKET_NAME_PREFIX = PREFIX + "bucketNamePrefix";
    public static final String NONCURRENT_VERSION_EXPIRATION_DAYS = PREFIX + "noncurrentVersionExpirationDays";
    public static final String MANUAL_REVIEW_EXPIRATION_DAYS = PREFIX + "manualReviewExpirationDays";
    public static final String BACKOFF_FIRST_SECONDS = PREFIX + "backoffFirstSeconds";
    public static final String BACKOFF_FACTOR = PREFIX + "backoffFactor";
    public static final String BACKOFF_CAP_SECONDS = PREFIX + "backoffCapSeconds";
    public static final String MAX_OBJECTS_PER_RUN = PREFIX + "maxObjectsPerRun";
    public static final String MAX_BYTES_PER_RUN = PREFIX + "maxBytesPerRun";
    public static final String EVENT_BUS_NAME = PREFIX + "eventBusName";
    public static final String LOG_EXECUTION_DATA = PREFIX + "logExecutionData";
    public static final String LOG_RETENTION_DAYS = PREFIX + "logRetentionDays";
    public static final String API_RATE_LIMIT = PREFIX + "apiRateLimit";
    public static final String API_BURST_LIMIT = PREFIX + "apiBurstLimit";

    public static final String DEFAULT_SCHEDULE = "rate(6 hours)";
    public static final String DEFAULT_SEVERITY_THRESHOLD = "MEDIUM";
    public static final String DEFAULT_MANAGED_IDENTIFIER_SELECTOR = "ALL";
    public static final String DEFAULT_MACIE_RESULTS_PREFIX = "macie-results";
    public static final int DEFAULT_APPROVAL_TIMEOUT_SECONDS = 432_000;
    public static final int DEFAULT_NONCURRENT_VERSION_EXPIRATION_DAYS = 30;
    public static final int DEFAULT_MANUAL_REVIEW_EXPIRATION_DAYS = 30;
    public static final int DEFAULT_BACKOFF_FIRST_SECONDS = 60;
    public static final double DEFAULT_BACKOFF_FACTOR = 2;
    public static final int DEFAULT_BACKOFF_CAP_SECONDS = 900;
    public static final long DEFAULT_MAX_OBJECTS_PER_RUN = 100_000;
    public static final long DEFAULT_MAX_BYTES_PER_RUN = 1_099_511_627_776L;
    public static final String DEFAULT_EVENT_BUS_NAME = "default";
    public static final int DEFAULT_LOG_RETENTION_DAYS = 365;
    public static final int DEFAULT_API_RATE_LIMIT = 10;
    public static final int DEFAULT_API_BURST_LIMIT = 20;

    private ContextKeys() {
    }
}
