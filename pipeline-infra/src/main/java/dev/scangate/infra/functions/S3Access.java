package dev.scangate.infra.functions;

import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.s3.IBucket;

import java.util.List;
import java.util.Map;

/**
 * Exact S3 actions on exact key prefixes. Bucket {@code grant*} methods hand out wildcard
 * actions ({@code s3:GetObject*}, {@code s3:List*}) and whole buckets; the steps need less.
 */
final class S3Access {

    static final List<String> READ = List.of("s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectTagging",
            "s3:GetObjectVersionTagging");
    static final List<String> WRITE = List.of("s3:PutObject", "s3:PutObjectTagging", "s3:AbortMultipartUpload");
    static final List<String> DELETE_VERSION = List.of("s3:DeleteObject", "s3:DeleteObjectVersion");

    private S3Access() {
    }

    static void objects(IGrantable grantee, IBucket bucket, String keyPattern, List<String> actions) {
        grantee.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(actions)
                .resources(List.of(bucket.arnForObjects(keyPattern)))
                .build());
    }

    static void list(IGrantable grantee, IBucket bucket, String prefix) {
        PolicyStatement.Builder statement = PolicyStatement.Builder.create()
                .actions(List.of("s3:ListBucket", "s3:ListBucketVersions"))
                .resources(List.of(bucket.getBucketArn()));
        if (prefix != null) {
            statement.conditions(Map.of("StringLike", Map.of("s3:prefix", List.of(prefix + "*"))));
        }
        grantee.getGrantPrincipal().addToPrincipalPolicy(statement.build());
    }
}
