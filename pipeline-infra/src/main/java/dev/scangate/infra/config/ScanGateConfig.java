package dev.scangate.infra.config;

import java.util.List;

/**
 * Everything the stack can be told through CDK context, already validated. Defaults and key
 * names live in {@link ContextKeys}; parsing and validation in {@link ConfigReader}.
 */
public record ScanGateConfig(
        String schedule,
        String severityThreshold,
        String managedIdentifierSelector,
        List<String> managedIdentifierIds,
        List<CustomIdentifierSpec> customDataIdentifiers,
        List<String> customDataIdentifierIds,
        List<AllowListSpec> allowLists,
        List<String> allowListIds,
        boolean enableMacieSession,
        boolean configureMacieResults,
        String macieResultsPrefix,
        boolean requireDiscoveryResults,
        int approvalTimeoutSeconds,
        List<String> approverEmails,
        List<String> alarmEmails,
        BucketNames bucketNames,
        int noncurrentVersionExpirationDays,
        int manualReviewExpirationDays,
        int backoffFirstSeconds,
        double backoffFactor,
        int backoffCapSeconds,
        long maxObjectsPerRun,
        long maxBytesPerRun,
        String eventBusName,
        boolean logExecutionData,
        int logRetentionDays,
        int apiRateLimit,
        int apiBurstLimit) {

    public ScanGateConfig {
        managedIdentifierIds = List.copyOf(managedIdentifierIds);
        customDataIdentifiers = List.copyOf(customDataIdentifiers);
        customDataIdentifierIds = List.copyOf(customDataIdentifierIds);
        allowLists = List.copyOf(allowLists);
        allowListIds = List.copyOf(allowListIds);
        approverEmails = List.copyOf(approverEmails);
        alarmEmails = List.copyOf(alarmEmails);
    }

    /** Run events go to the account's default bus unless a bus name is configured. */
    public boolean usesDefaultEventBus() {
        return "default".equals(eventBusName);
    }

    /** The factor as it must appear inside the ASL's {@code $number('…')}: no trailing ".0". */
    public String backoffFactorText() {
        return backoffFactor == Math.rint(backoffFactor)
                ? Long.toString((long) backoffFactor)
                : Double.toString(backoffFactor);
    }
}
