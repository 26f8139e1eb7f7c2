package dev.scangate.infra.config;

import java.util.Optional;

/**
 * User-chosen bucket names; a null name lets CloudFormation generate one, so several stacks can
 * live in one account.
 */
public record BucketNames(String raw, String scanStage, String manualReview, String curated,
                          String macieResults, String accessLogs) {

    public static BucketNames generated() {
        return new BucketNames(null, null, null, null, null, null);
    }

    public static BucketNames withPrefix(String prefix) {
        return new BucketNames(prefix + "-raw", prefix + "-scan-stage", prefix + "-manual-review",
                prefix + "-curated", prefix + "-macie-results", prefix + "-access-logs");
    }

    public Optional<String> rawName() {
        return Optional.ofNullable(raw);
    }

    public Optional<String> scanStageName() {
        return Optional.ofNullable(scanStage);
    }

    public Optional<String> manualReviewName() {
        return Optional.ofNullable(manualReview);
    }

    public Optional<String> curatedName() {
        return Optional.ofNullable(curated);
    }

    public Optional<String> macieResultsName() {
        return Optional.ofNullable(macieResults);
    }

    public Optional<String> accessLogsName() {
        return Optional.ofNullable(accessLogs);
    }
}
