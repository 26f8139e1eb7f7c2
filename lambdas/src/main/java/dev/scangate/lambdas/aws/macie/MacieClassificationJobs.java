package dev.scangate.lambdas.aws.macie;

import dev.scangate.lambdas.core.scan.ClassificationJobs;
import dev.scangate.lambdas.core.scan.ScanJob;
import dev.scangate.lambdas.core.scan.ScanJobRequest;
import software.amazon.awssdk.services.macie2.Macie2Client;
import software.amazon.awssdk.services.macie2.model.CreateClassificationJobRequest;
import software.amazon.awssdk.services.macie2.model.JobComparator;
import software.amazon.awssdk.services.macie2.model.JobScopeTerm;
import software.amazon.awssdk.services.macie2.model.JobType;
import software.amazon.awssdk.services.macie2.model.S3BucketDefinitionForJob;
import software.amazon.awssdk.services.macie2.model.ScopeFilterKey;
import software.amazon.awssdk.services.macie2.model.SimpleScopeTerm;

/** {@link ClassificationJobs} over the Macie2 API. */
public final class MacieClassificationJobs implements ClassificationJobs {

    private final Macie2Client macie;

    public MacieClassificationJobs(Macie2Client macie) {
        this.macie = macie;
    }

    @Override
    public ScanJob start(ScanJobRequest request) {
        var settings = request.settings();
        var builder = CreateClassificationJobRequest.builder()
                .clientToken(request.clientToken())
                .name(request.name())
                .description("ScanGate run " + request.clientToken())
                .jobType(JobType.ONE_TIME)
                .managedDataIdentifierSelector(settings.managedIdentifierSelector())
                .s3JobDefinition(d -> d
                        .bucketDefinitions(S3BucketDefinitionForJob.builder()
                                .accountId(request.accountId()).buckets(request.bucket()).build())
                        .scoping(s -> s.includes(i -> i.and(JobScopeTerm.builder()
                                .simpleScopeTerm(SimpleScopeTerm.builder()
                                        .key(ScopeFilterKey.OBJECT_KEY)
                                        .comparator(JobComparator.STARTS_WITH)
                                        .values(request.keyPrefix())
                                        .build())
                                .build()))));
        // Unset lists stay out of the request; Macie rejects e.g. managed ids with selector ALL.
        if (!settings.managedIdentifierIds().isEmpty()) {
            builder.managedDataIdentifierIds(settings.managedIdentifierIds());
        }
        if (!settings.customDataIdentifierIds().isEmpty()) {
            builder.customDataIdentifierIds(settings.customDataIdentifierIds());
        }
        if (!settings.allowListIds().isEmpty()) {
            builder.allowListIds(settings.allowListIds());
        }
        var response = MacieErrors.call("CreateClassificationJob", null, () -> macie.createClassificationJob(builder.build()));
        return new ScanJob(response.jobId(), response.jobArn());
    }

    @Override
    public String status(String jobId) {
        return MacieErrors.call("DescribeClassificationJob", jobId,
                () -> macie.describeClassificationJob(b -> b.jobId(jobId)).jobStatusAsString());
    }
}
