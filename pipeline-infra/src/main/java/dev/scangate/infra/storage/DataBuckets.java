package dev.scangate.infra.storage;

import dev.scangate.infra.config.BucketNames;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The four pipeline buckets, the Macie results bucket and the access-log bucket. Every data
 * bucket is KMS-encrypted, versioned, private and TLS-only; current objects expire only in
 * manual-review (never in curated: the data lake's output must not silently vanish).
 */
public final class DataBuckets extends Construct {

    /** Props for {@link DataBuckets}. */
    public record Props(BucketNames names, IKey dataKey, IKey macieResultsKey, String macieResultsPrefix,
                        int noncurrentVersionExpirationDays, int manualReviewExpirationDays) {

        public Props {
            Objects.requireNonNull(names, "names");
            Objects.requireNonNull(dataKey, "dataKey");
            Objects.requireNonNull(macieResultsKey, "macieResultsKey");
            Objects.requireNonNull(macieResultsPrefix, "macieResultsPrefix");
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Builder for {@link Props}. */
        public static final class Builder {
            private BucketNames names = BucketNames.generated();
            private IKey dataKey;
            private IKey macieResultsKey;
            private String macieResultsPrefix;
            private int noncurrentVersionExpirationDays;
            private int manualReviewExpirationDays;

            public Builder names(BucketNames value) {
                names = value;
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

            public Builder macieResultsPrefix(String value) {
                macieResultsPrefix = value;
                return this;
            }

            public Builder noncurrentVersionExpirationDays(int value) {
                noncurrentVersionExpirationDays = value;
                return this;
            }

            public Builder manualReviewExpirationDays(int value) {
                manualReviewExpirationDays = value;
                return this;
            }

            public Props build() {
                return new Props(names, dataKey, macieResultsKey, macieResultsPrefix,
                        noncurrentVersionExpirationDays, manualReviewExpirationDays);
            }
        }
    }

    private final Bucket accessLogs;
    private final Bucket raw;
    private final Bucket scanStage;
    private final Bucket manualReview;
    private final Bucket curated;
    private final Bucket macieResults;

    public DataBuckets(Construct scope, String id, Props props) {
        super(scope, id);
        // S3 server access logs can only be delivered to an SSE-S3 bucket.
        accessLogs = Bucket.Builder.create(this, "AccessLogs")
                .bucketName(props.names().accessLogsName().orElse(null))
                .encryption(BucketEncryption.S3_MANAGED)
                .versioned(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .lifecycleRules(List.of(noncurrentExpiry(props)))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        raw = dataBucket("Raw", props.names().rawName().orElse(null), props.dataKey(), "raw/", List.of(noncurrentExpiry(props)));
        scanStage = dataBucket("ScanStage", props.names().scanStageName().orElse(null), props.dataKey(), "scan-stage/",
                List.of(noncurrentExpiry(props)));
        manualReview = dataBucket("ManualReview", props.names().manualReviewName().orElse(null), props.dataKey(), "manual-review/",
                List.of(noncurrentExpiry(props), LifecycleRule.builder()
                        .id("expire-held-objects")
                        .enabled(true)
                        .expiration(Duration.days(props.manualReviewExpirationDays()))
                        .build()));
        curated = dataBucket("Curated", props.names().curatedName().orElse(null), props.dataKey(), "curated/",
                List.of(noncurrentExpiry(props)));
        macieResults = dataBucket("MacieResults", props.names().macieResultsName().orElse(null), props.macieResultsKey(),
                "macie-results/", List.of(noncurrentExpiry(props)));
        allowMacieToWriteResults(props.macieResultsPrefix());
    }

    private Bucket dataBucket(String id, String name, IKey key, String logPrefix, List<LifecycleRule> rules) {
        return Bucket.Builder.create(this, id)
                .bucketName(name)
                .encryption(BucketEncryption.KMS)
                .encryptionKey(key)
                .bucketKeyEnabled(true)
                .versioned(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .enforceSsl(true)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix(logPrefix)
                .lifecycleRules(new ArrayList<>(rules))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    private static LifecycleRule noncurrentExpiry(Props props) {
        return LifecycleRule.builder()
                .id("expire-noncurrent-versions")
                .enabled(true)
                .noncurrentVersionExpiration(Duration.days(props.noncurrentVersionExpirationDays()))
                .abortIncompleteMultipartUploadAfter(Duration.days(7))
                .build();
    }

    /** The statements Macie's documentation requires on a discovery results bucket. */
    private void allowMacieToWriteResults(String prefix) {
        Map<String, Object> conditions = Map.of(
                "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID),
                "ArnLike", Map.of("aws:SourceArn", List.of(
                        Fn.join("", List.of("arn:", Aws.PARTITION, ":macie2:", Aws.REGION, ":", Aws.ACCOUNT_ID, ":export-configuration:*")),
                        Fn.join("", List.of("arn:", Aws.PARTITION, ":macie2:", Aws.REGION, ":", Aws.ACCOUNT_ID, ":classification-job/*")))));
        ServicePrincipal macie = new ServicePrincipal("macie.amazonaws.com");
        macieResults.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowMacieToWriteDiscoveryResults")
                .effect(Effect.ALLOW)
                .principals(List.of(macie))
                .actions(List.of("s3:PutObject"))
                .resources(List.of(macieResults.arnForObjects(prefix + "/*")))
                .conditions(conditions)
                .build());
        macieResults.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowMacieToLocateTheBucket")
                .effect(Effect.ALLOW)
                .principals(List.of(macie))
                .actions(List.of("s3:GetBucketLocation"))
                .resources(List.of(macieResults.getBucketArn()))
                .conditions(conditions)
                .build());
    }

    public Bucket accessLogs() {
        return accessLogs;
    }

    public Bucket raw() {
        return raw;
    }

    public Bucket scanStage() {
        return scanStage;
    }

    public Bucket manualReview() {
        return manualReview;
    }

    public Bucket curated() {
        return curated;
    }

    public Bucket macieResults() {
        return macieResults;
    }
}
