package dev.scangate.local.runtime;

import dev.scangate.lambdas.aws.approval.DynamoDbApprovalStore;

import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Creates the local equivalents of the stack through the edge endpoint, with the same SDK calls a
 * user would make, and only what is missing: running it on every start changes nothing that
 * exists.
 */
final class Provisioner {

    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final SnsClient sns;

    Provisioner(S3Client s3, DynamoDbClient dynamoDb, SnsClient sns) {
        this.s3 = s3;
        this.dynamoDb = dynamoDb;
        this.sns = sns;
    }

    void provision(List<String> approvers) {
        for (String bucket : LocalResources.BUCKETS) {
            step("bucket " + bucket, () -> {
                bucket(bucket);
                return null;
            });
        }
        step("table " + LocalResources.APPROVAL_TABLE, () -> {
            approvalTable();
            return null;
        });
        for (String topic : List.of(LocalResources.APPROVAL_TOPIC, LocalResources.NOTIFICATION_TOPIC)) {
            step("topic " + topic, () -> {
                String arn = sns.createTopic(b -> b.name(topic)).topicArn();
                // the approvers also get operator notices: locally they are the only people there are
                approvers.forEach(email -> sns.subscribe(b -> b.topicArn(arn).protocol("email").endpoint(email)));
                return null;
            });
        }
    }

    private void bucket(String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            s3.createBucket(b -> b.bucket(bucket));
        }
        // every bucket versioned, as in the stack: a move deletes an exact version, a deny is recoverable
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    }

    private void approvalTable() {
        // The store owns its schema (key, TTL): provision exactly what the Lambda and the API expect.
        DynamoDbApprovalStore.createTable(dynamoDb, LocalResources.APPROVAL_TABLE);
    }

    private static <T> T step(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (SdkException e) {
            throw new ProvisioningException("cannot provision " + what + ": " + e.getMessage(), e);
        }
    }
}
