package dev.scangate.infra.keys;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.ArnPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * The customer managed keys. Separate keys so that each key policy names only the services that
 * need it: Macie reads staged data, Macie writes discovery results, CloudWatch publishes alarms.
 */
public final class EncryptionKeys extends Construct {

    /** Macie's service-linked role: it decrypts staged objects while it analyses them. */
    public static final String MACIE_SERVICE_ROLE = "role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie";

    private final Key data;
    private final Key macieResults;
    private final Key notifications;

    public EncryptionKeys(Construct scope, String id) {
        super(scope, id);
        data = Key.Builder.create(this, "DataKey")
                .description("ScanGate: data buckets and the approval table")
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        // Without this Macie sees every staged object as encrypted, skips it, and the run holds
        // everything for review.
        data.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowMacieToAnalyseStagedObjects")
                .effect(Effect.ALLOW)
                .principals(List.of(new ArnPrincipal(Fn.join("", List.of("arn:", Aws.PARTITION, ":iam::", Aws.ACCOUNT_ID, ":", MACIE_SERVICE_ROLE)))))
                .actions(List.of("kms:Decrypt"))
                .resources(List.of("*"))
                .build());

        macieResults = Key.Builder.create(this, "MacieResultsKey")
                .description("ScanGate: Macie sensitive data discovery results")
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        macieResults.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowMacieToEncryptDiscoveryResults")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("macie.amazonaws.com")))
                .actions(List.of("kms:GenerateDataKey", "kms:Encrypt"))
                .resources(List.of("*"))
                .conditions(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID),
                        "ArnLike", Map.of("aws:SourceArn", List.of(
                                Fn.join("", List.of("arn:", Aws.PARTITION, ":macie2:", Aws.REGION, ":", Aws.ACCOUNT_ID, ":export-configuration:*")),
                                Fn.join("", List.of("arn:", Aws.PARTITION, ":macie2:", Aws.REGION, ":", Aws.ACCOUNT_ID, ":classification-job/*"))))))
                .build());

        notifications = Key.Builder.create(this, "NotificationsKey")
                .description("ScanGate: SNS topics")
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        notifications.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowCloudWatchAlarmsToPublish")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID)))
                .build());
    }

    public Key data() {
        return data;
    }

    public Key macieResults() {
        return macieResults;
    }

    public Key notifications() {
        return notifications;
    }
}
