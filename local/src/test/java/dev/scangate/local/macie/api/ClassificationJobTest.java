package dev.scangate.local.macie.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.macie2.model.JobComparator;
import software.amazon.awssdk.services.macie2.model.JobStatus;
import software.amazon.awssdk.services.macie2.model.ResourceNotFoundException;
import software.amazon.awssdk.services.macie2.model.ScopeFilterKey;
import software.amazon.awssdk.services.macie2.model.TagTarget;
import software.amazon.awssdk.services.macie2.model.ValidationException;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Tagging;

@SuppressWarnings("unchecked") // the SDK builders take Consumer varargs
class ClassificationJobTest {

    private static MacieFixture fixture;

    @BeforeAll
    static void start() {
        fixture = MacieFixture.started();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void createClassificationJob_whenObjectsHoldSecrets_completesWithFindingsAndStatistics() {
        var bucket = fixture.newBucket();
        fixture.put(bucket, "a/secret.txt", "hello\nmy SECRET is here\n");
        fixture.put(bucket, "a/clean.txt", "nothing to see\n");

        var jobId = fixture.createJob(bucket, "lifecycle-" + bucket);

        assertThat(fixture.awaitFinished(jobId)).isEqualTo(JobStatus.COMPLETE);
        var job = fixture.macie.describeClassificationJob(r -> r.jobId(jobId));
        assertThat(job.jobArn()).isEqualTo("arn:aws:macie2:us-east-1:000000000000:classification-job/" + jobId);
        assertThat(jobId).matches("[0-9a-f]{32}");
        assertThat(job.statistics().approximateNumberOfObjectsToProcess()).isEqualTo(2.0);
        assertThat(job.statistics().numberOfRuns()).isEqualTo(1.0);
        assertThat(job.lastRunErrorStatus().codeAsString()).isEqualTo("NONE");
        assertThat(job.managedDataIdentifierSelectorAsString()).isEqualTo("ALL");
        assertThat(job.s3JobDefinition().bucketDefinitions().get(0).buckets()).containsExactly(bucket);

        var ids = fixture.macie.listFindings(r -> r.findingCriteria(c -> c.criterion(java.util.Map.of(
                "classificationDetails.jobId", software.amazon.awssdk.services.macie2.model.CriterionAdditionalProperties
                        .builder().eq(jobId).build())))).findingIds();
        assertThat(ids).hasSize(1);
        var finding = fixture.macie.getFindings(r -> r.findingIds(ids)).findings().get(0);
        assertThat(finding.id()).matches("[0-9a-f]{32}");
        assertThat(finding.typeAsString()).isEqualTo("SensitiveData:S3Object/Credentials");
        assertThat(finding.severity().descriptionAsString()).isEqualTo("High");
        assertThat(finding.severity().score()).isEqualTo(3L);
        assertThat(finding.count()).isEqualTo(1L);
        assertThat(finding.archived()).isFalse();
        assertThat(finding.sample()).isFalse();
        assertThat(finding.createdAt()).isEqualTo(finding.updatedAt());
        assertThat(finding.categoryAsString()).isEqualTo("CLASSIFICATION");
        assertThat(finding.classificationDetails().jobId()).isEqualTo(jobId);
        assertThat(finding.classificationDetails().originTypeAsString()).isEqualTo("SENSITIVE_DATA_DISCOVERY_JOB");
        assertThat(finding.classificationDetails().detailedResultsLocation())
                .startsWith("s3://macie-results/discovery/AWSLogs/000000000000/Macie/us-east-1/" + jobId + "/")
                .endsWith(".jsonl.gz");
        var result = finding.classificationDetails().result();
        assertThat(result.status().code()).isEqualTo("COMPLETE");
        assertThat(result.sensitiveData().get(0).detections().get(0).occurrences().lineRanges().get(0).start())
                .isEqualTo(2L);
        var object = finding.resourcesAffected().s3Object();
        assertThat(object.key()).isEqualTo("a/secret.txt");
        assertThat(object.path()).isEqualTo(bucket + "/a/secret.txt");
        assertThat(object.extension()).isEqualTo("txt");
        assertThat(object.eTag()).doesNotContain("\"").isNotEmpty();
        assertThat(object.size()).isEqualTo(24L);
        assertThat(object.storageClassAsString()).isEqualTo("STANDARD");
        assertThat(finding.resourcesAffected().s3Bucket().name()).isEqualTo(bucket);
        assertThat(finding.resourcesAffected().s3Bucket().arn()).isEqualTo("arn:aws:s3:::" + bucket);
    }

    @Test
    void createClassificationJob_whenObjectsCannotBeAnalysed_writesSkippedDiscoveryResults() {
        var bucket = fixture.newBucket();
        fixture.put(bucket, "ok.txt", "SECRET\n");
        fixture.put(bucket, "blob.bin", "\u0000\u0001");
        fixture.s3.putObject(b -> b.bucket(bucket).key("cold.txt").storageClass(StorageClass.DEEP_ARCHIVE),
                RequestBody.fromString("SECRET\n"));

        var jobId = fixture.createJob(bucket, "skipped-" + bucket);
        assertThat(fixture.awaitFinished(jobId)).isEqualTo(JobStatus.COMPLETE);

        var records = fixture.discoveryRecords(jobId);
        assertThat(records).extracting(r -> r.at("/resourcesAffected/s3Object/key").asText())
                .containsExactlyInAnyOrder("ok.txt", "blob.bin", "cold.txt");
        assertThat(status(records, "ok.txt")).isEqualTo("COMPLETE/");
        assertThat(status(records, "blob.bin")).isEqualTo("SKIPPED/UNSUPPORTED_FILE_TYPE_EXCEPTION");
        assertThat(status(records, "cold.txt")).isEqualTo("SKIPPED/INVALID_OBJECT_STATE");
        var ok = records.stream().filter(r -> r.at("/resourcesAffected/s3Object/key").asText().equals("ok.txt"))
                .findFirst().orElseThrow();
        assertThat(ok.at("/classificationDetails/jobId").asText()).isEqualTo(jobId);
        assertThat(ok.at("/resourcesAffected/s3Bucket/name").asText()).isEqualTo(bucket);
        assertThat(ok.at("/resourcesAffected/s3Object/versionId").asText()).isEmpty();
        assertThat(ok.at("/resourcesAffected/s3Object/lastModified").asText()).endsWith("Z");
    }

    private static String status(List<JsonNode> records, String key) {
        return records.stream().filter(r -> r.at("/resourcesAffected/s3Object/key").asText().equals(key))
                .map(r -> r.at("/classificationDetails/result/status/code").asText() + "/"
                        + r.at("/classificationDetails/result/status/reason").asText(""))
                .findFirst().orElseThrow();
    }

    @Test
    void createClassificationJob_whenSameClientToken_returnsSameJob() {
        var bucket = fixture.newBucket();
        var first = fixture.createJob(bucket, "token-" + bucket);
        var second = fixture.createJob(bucket, "token-" + bucket);
        var other = fixture.createJob(bucket, "other-" + bucket);

        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(fixture.macie.describeClassificationJob(r -> r.jobId(first)).clientToken())
                .isEqualTo("token-" + bucket);
    }

    @Test
    void createClassificationJob_whenScoped_analysesOnlyMatchingObjects() {
        var bucket = fixture.newBucket();
        fixture.put(bucket, "run-1/a.csv", "x");
        fixture.put(bucket, "run-1/big.csv", "x".repeat(100));
        fixture.put(bucket, "run-1/b.txt", "x");
        fixture.put(bucket, "run-1/tagged.csv", "x");
        fixture.put(bucket, "run-2/c.csv", "x");
        fixture.s3.putObjectTagging(b -> b.bucket(bucket).key("run-1/tagged.csv")
                .tagging(Tagging.builder().tagSet(Tag.builder().key("skip").value("yes").build()).build()));

        var jobId = fixture.macie.createClassificationJob(r -> r.clientToken("scope-" + bucket).name("scoped")
                .jobType("ONE_TIME").s3JobDefinition(d -> d
                        .bucketDefinitions(b -> b.accountId("000000000000").buckets(bucket))
                        .scoping(s -> s
                                .includes(i -> i.and(
                                        t -> t.simpleScopeTerm(x -> x.key(ScopeFilterKey.OBJECT_KEY)
                                                .comparator(JobComparator.STARTS_WITH).values("run-1/")),
                                        t -> t.simpleScopeTerm(x -> x.key(ScopeFilterKey.OBJECT_EXTENSION)
                                                .comparator(JobComparator.EQ).values("csv")),
                                        t -> t.simpleScopeTerm(x -> x.key(ScopeFilterKey.OBJECT_SIZE)
                                                .comparator(JobComparator.LT).values("50")),
                                        t -> t.simpleScopeTerm(x -> x.key(ScopeFilterKey.OBJECT_LAST_MODIFIED_DATE)
                                                .comparator(JobComparator.GT).values("2020-01-01T00:00:00Z"))))
                                .excludes(e -> e.and(t -> t.tagScopeTerm(x -> x.key("TAG")
                                        .comparator(JobComparator.EQ).target(TagTarget.S3_OBJECT)
                                        .tagValues(v -> v.key("skip").value("")))))))).jobId();

        assertThat(fixture.awaitFinished(jobId)).isEqualTo(JobStatus.COMPLETE);
        assertThat(fixture.discoveryRecords(jobId)).extracting(r -> r.at("/resourcesAffected/s3Object/key").asText())
                .containsExactly("run-1/a.csv");
        assertThat(fixture.macie.describeClassificationJob(r -> r.jobId(jobId)).statistics()
                .approximateNumberOfObjectsToProcess()).isEqualTo(1.0);
    }

    @Test
    void createClassificationJob_whenSamplingHalf_analysesHalfTheObjects() {
        var bucket = fixture.newBucket();
        for (int i = 0; i < 10; i++) {
            fixture.put(bucket, "o-" + i + ".txt", "x");
        }
        var jobId = fixture.macie.createClassificationJob(r -> r.clientToken("sample-" + bucket).name("sampled")
                .jobType("ONE_TIME").samplingPercentage(50).s3JobDefinition(d -> d
                        .bucketDefinitions(b -> b.accountId("000000000000").buckets(bucket)))).jobId();

        assertThat(fixture.awaitFinished(jobId)).isEqualTo(JobStatus.COMPLETE);
        assertThat(fixture.discoveryRecords(jobId)).hasSize(5);
        assertThat(fixture.macie.describeClassificationJob(r -> r.jobId(jobId)).samplingPercentage()).isEqualTo(50);
    }

    @Test
    void createClassificationJob_whenScopeTermIsInvalid_throwsValidationNamingTheTerm() {
        var bucket = fixture.newBucket();
        assertThatThrownBy(() -> fixture.macie.createClassificationJob(r -> r.clientToken("bad-" + bucket)
                .name("bad").jobType("ONE_TIME").s3JobDefinition(d -> d
                        .bucketDefinitions(b -> b.accountId("000000000000").buckets(bucket))
                        .scoping(s -> s.includes(i -> i.and(t -> t.simpleScopeTerm(x -> x
                                .key(ScopeFilterKey.OBJECT_KEY).comparator(JobComparator.EQ).values("x"))))))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("s3JobDefinition.scoping.includes.and[0].simpleScopeTerm")
                .hasMessageContaining("STARTS_WITH");
    }

    @Test
    void createClassificationJob_whenSelectorNoneWithoutCustomIdentifiers_throwsValidation() {
        assertThatThrownBy(() -> fixture.macie.createClassificationJob(r -> r.name("n").jobType("ONE_TIME")
                .managedDataIdentifierSelector("NONE").s3JobDefinition(d -> d
                        .bucketDefinitions(b -> b.accountId("000000000000").buckets("whatever")))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("customDataIdentifierIds");
    }

    @Test
    void createClassificationJob_whenSamplingPercentageOutOfRange_throwsValidation() {
        assertThatThrownBy(() -> fixture.macie.createClassificationJob(r -> r.name("n").jobType("ONE_TIME")
                .samplingPercentage(0).s3JobDefinition(d -> d
                        .bucketDefinitions(b -> b.accountId("000000000000").buckets("whatever")))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("samplingPercentage");
    }

    @Test
    void createClassificationJob_whenBucketMissing_completesWithRunError() {
        var jobId = fixture.createJob("no-such-bucket-here", "missing-bucket");
        assertThat(fixture.awaitFinished(jobId)).isEqualTo(JobStatus.COMPLETE);
        assertThat(fixture.macie.describeClassificationJob(r -> r.jobId(jobId)).lastRunErrorStatus().codeAsString())
                .isEqualTo("ERROR");
    }

    @Test
    void describeClassificationJob_whenUnknown_throwsResourceNotFound() {
        assertThatThrownBy(() -> fixture.macie.describeClassificationJob(r -> r.jobId("0".repeat(32))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("0".repeat(32));
    }

    @Test
    void listClassificationJobs_whenFilteredSortedAndPaged_returnsMatchingJobsInOrder() {
        var bucket = fixture.newBucket();
        var prefix = "list-" + bucket + "-";
        for (var name : List.of("c", "a", "b")) {
            fixture.macie.createClassificationJob(r -> r.clientToken(prefix + name).name(prefix + name)
                    .jobType("ONE_TIME").s3JobDefinition(d -> d
                            .bucketDefinitions(b -> b.accountId("000000000000").buckets(bucket))));
        }
        var first = fixture.macie.listClassificationJobs(r -> r.maxResults(2)
                .filterCriteria(f -> f.includes(i -> i.key("name").comparator("STARTS_WITH").values(prefix)))
                .sortCriteria(s -> s.attributeName("name").orderBy("DESC")));
        assertThat(first.items()).extracting(j -> j.name()).containsExactly(prefix + "c", prefix + "b");
        assertThat(first.nextToken()).isNotNull();
        var second = fixture.macie.listClassificationJobs(r -> r.maxResults(2).nextToken(first.nextToken())
                .filterCriteria(f -> f.includes(i -> i.key("name").comparator("STARTS_WITH").values(prefix)))
                .sortCriteria(s -> s.attributeName("name").orderBy("DESC")));
        assertThat(second.items()).extracting(j -> j.name()).containsExactly(prefix + "a");
        assertThat(second.nextToken()).isNull();
    }
}
