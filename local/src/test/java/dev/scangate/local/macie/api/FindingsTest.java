package dev.scangate.local.macie.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.macie2.model.ConflictException;
import software.amazon.awssdk.services.macie2.model.CriterionAdditionalProperties;
import software.amazon.awssdk.services.macie2.model.GroupBy;
import software.amazon.awssdk.services.macie2.model.JobStatus;
import software.amazon.awssdk.services.macie2.model.ListFindingsResponse;
import software.amazon.awssdk.services.macie2.model.ValidationException;

/** One completed job with five credential findings and one custom-identifier finding. */
@SuppressWarnings("unchecked") // the SDK builders take Consumer varargs
class FindingsTest {

    private static MacieFixture fixture;
    private static String jobId;
    private static String bucket;

    @BeforeAll
    static void start() {
        fixture = MacieFixture.started();
        bucket = fixture.newBucket();
        for (int i = 1; i <= 5; i++) {
            fixture.put(bucket, "secret-" + i + ".txt", "SECRET " + i + "\n");
        }
        fixture.put(bucket, "order.txt", "order ORD-12345\n");
        fixture.put(bucket, "clean.txt", "nothing\n");
        var cdi = fixture.macie.createCustomDataIdentifier(r -> r.name("order").regex("ORD-\\d{5}"))
                .customDataIdentifierId();
        jobId = fixture.macie.createClassificationJob(r -> r.clientToken("findings-" + bucket).name("findings")
                .jobType("ONE_TIME").managedDataIdentifierSelector("ALL").customDataIdentifierIds(cdi)
                .s3JobDefinition(d -> d.bucketDefinitions(b -> b.accountId("000000000000").buckets(bucket))))
                .jobId();
        assertThat(fixture.awaitFinished(jobId)).isEqualTo(JobStatus.COMPLETE);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static Map<String, CriterionAdditionalProperties> byJob(Map<String, CriterionAdditionalProperties> more) {
        var criteria = new java.util.HashMap<>(more);
        criteria.put("classificationDetails.jobId", CriterionAdditionalProperties.builder().eq(jobId).build());
        return criteria;
    }

    @Test
    void listFindings_whenPagedByTwo_returnsEveryFindingOnce() {
        var ids = new ArrayList<String>();
        String token = null;
        int pages = 0;
        do {
            var next = token;
            ListFindingsResponse page = fixture.macie.listFindings(r -> r.maxResults(2).nextToken(next)
                    .findingCriteria(c -> c.criterion(byJob(Map.of()))));
            ids.addAll(page.findingIds());
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(ids).hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    void listFindings_whenPaginatorUsed_returnsAllFindings() {
        var ids = fixture.macie.listFindingsPaginator(r -> r.maxResults(4)
                .findingCriteria(c -> c.criterion(byJob(Map.of())))).findingIds().stream().toList();
        assertThat(ids).hasSize(6);
    }

    @Test
    void listFindings_whenFilteredBySeverityTypeAndArchived_returnsMatchingFindings() {
        var high = fixture.macie.listFindings(r -> r.findingCriteria(c -> c.criterion(byJob(Map.of(
                "severity.description", CriterionAdditionalProperties.builder().eq("High", "Low").build(),
                "archived", CriterionAdditionalProperties.builder().eq("false").build()))))).findingIds();
        assertThat(high).hasSize(5);

        var custom = fixture.macie.listFindings(r -> r.findingCriteria(c -> c.criterion(byJob(Map.of(
                "type", CriterionAdditionalProperties.builder().eq("SensitiveData:S3Object/CustomIdentifier").build())))))
                .findingIds();
        var findings = fixture.macie.getFindings(r -> r.findingIds(custom)).findings();
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.resourcesAffected().s3Object().key()).isEqualTo("order.txt");
            assertThat(f.severity().descriptionAsString()).isEqualTo("Medium");
            assertThat(f.classificationDetails().result().customDataIdentifiers().detections().get(0).name())
                    .isEqualTo("order");
        });

        var notSecretOne = fixture.macie.listFindings(r -> r.findingCriteria(c -> c.criterion(byJob(Map.of(
                "resourcesAffected.s3Object.key", CriterionAdditionalProperties.builder().neq("secret-1.txt").build(),
                "sensitiveData.detections.type", CriterionAdditionalProperties.builder()
                        .eqExactMatch("AWS_CREDENTIALS").build()))))).findingIds();
        assertThat(notSecretOne).hasSize(4);

        var archived = fixture.macie.listFindings(r -> r.findingCriteria(c -> c.criterion(byJob(Map.of(
                "archived", CriterionAdditionalProperties.builder().eq("true").build()))))).findingIds();
        assertThat(archived).isEmpty();
    }

    @Test
    void listFindings_whenCreatedAtComparedInEpochMillis_filtersByTime() {
        var now = System.currentTimeMillis();
        var before = fixture.macie.listFindings(r -> r.findingCriteria(c -> c.criterion(byJob(Map.of(
                "createdAt", CriterionAdditionalProperties.builder().lte(now).gte(now - 3_600_000L).build())))))
                .findingIds();
        var future = fixture.macie.listFindings(r -> r.findingCriteria(c -> c.criterion(byJob(Map.of(
                "createdAt", CriterionAdditionalProperties.builder().gt(now + 3_600_000L).build())))))
                .findingIds();
        assertThat(before).hasSize(6);
        assertThat(future).isEmpty();
    }

    @Test
    void listFindings_whenSortedByResourceDescending_ordersByObjectPath() {
        var ids = fixture.macie.listFindings(r -> r.findingCriteria(c -> c.criterion(byJob(Map.of())))
                .sortCriteria(s -> s.attributeName("resourcesAffected").orderBy("DESC"))).findingIds();
        var keys = new ArrayList<String>();
        for (var id : ids) {
            keys.add(fixture.macie.getFindings(r -> r.findingIds(id)).findings().get(0).resourcesAffected()
                    .s3Object().key());
        }
        var expected = new ArrayList<>(keys);
        expected.sort(Collections.reverseOrder());
        assertThat(keys).isEqualTo(expected).hasSize(6);
    }

    @Test
    void listFindings_whenEqExactMatchOnUnsupportedField_throwsValidationNamingTheField() {
        assertThatThrownBy(() -> fixture.macie.listFindings(r -> r.findingCriteria(c -> c.criterion(Map.of(
                "type", CriterionAdditionalProperties.builder().eqExactMatch("x").build())))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("findingCriteria.criterion.type.eqExactMatch");
    }

    @Test
    void listFindings_whenMaxResultsAbove50_throwsValidation() {
        assertThatThrownBy(() -> fixture.macie.listFindings(r -> r.maxResults(51)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("maxResults");
    }

    @Test
    void getFindings_whenMoreThan50Ids_throwsValidation() {
        var ids = new ArrayList<String>();
        for (int i = 0; i < 51; i++) {
            ids.add(String.format("%032x", i));
        }
        assertThatThrownBy(() -> fixture.macie.getFindings(r -> r.findingIds(ids)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("findingIds");
    }

    @Test
    void getFindings_whenSomeIdsUnknown_returnsOnlyKnownFindings() {
        var known = fixture.macie.listFindings(r -> r.maxResults(1)
                .findingCriteria(c -> c.criterion(byJob(Map.of())))).findingIds();
        var findings = fixture.macie.getFindings(r -> r.findingIds(List.of(known.get(0), "f".repeat(32))))
                .findings();
        assertThat(findings).extracting(f -> f.id()).containsExactly(known.get(0));
    }

    @Test
    void getFindingStatistics_whenGroupedByType_countsEachType() {
        var groups = fixture.macie.getFindingStatistics(r -> r.groupBy(GroupBy.TYPE)
                .findingCriteria(c -> c.criterion(byJob(Map.of())))
                .sortCriteria(s -> s.attributeName("count").orderBy("DESC"))).countsByGroup();
        assertThat(groups).extracting(g -> g.groupKey() + "=" + g.count()).containsExactly(
                "SensitiveData:S3Object/Credentials=5", "SensitiveData:S3Object/CustomIdentifier=1");
    }

    @Test
    void updateClassificationJob_whenJobComplete_throwsConflict() {
        assertThatThrownBy(() -> fixture.macie.updateClassificationJob(r -> r.jobId(jobId)
                .jobStatus(JobStatus.CANCELLED)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("COMPLETE");
    }
}
