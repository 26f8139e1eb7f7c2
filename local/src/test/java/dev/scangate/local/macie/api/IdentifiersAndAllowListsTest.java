package dev.scangate.local.macie.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.macie2.model.AllowListStatusCode;
import software.amazon.awssdk.services.macie2.model.DataIdentifierSeverity;
import software.amazon.awssdk.services.macie2.model.JobStatus;
import software.amazon.awssdk.services.macie2.model.ResourceNotFoundException;
import software.amazon.awssdk.services.macie2.model.SensitiveDataItemCategory;
import software.amazon.awssdk.services.macie2.model.ValidationException;

@SuppressWarnings("unchecked") // the SDK builders take Consumer varargs
class IdentifiersAndAllowListsTest {

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
    void customDataIdentifier_whenCreatedReadListedAndDeleted_behavesLikeMacie() {
        var id = fixture.macie.createCustomDataIdentifier(r -> r.name("employee-id").regex("EMP-\\d{4}")
                .keywords("employee").ignoreWords("EMP-0000").maximumMatchDistance(20)
                .severityLevels(l -> l.occurrencesThreshold(1L).severity(DataIdentifierSeverity.LOW),
                        l -> l.occurrencesThreshold(10L).severity(DataIdentifierSeverity.HIGH)))
                .customDataIdentifierId();

        var got = fixture.macie.getCustomDataIdentifier(r -> r.id(id));
        assertThat(got.name()).isEqualTo("employee-id");
        assertThat(got.regex()).isEqualTo("EMP-\\d{4}");
        assertThat(got.keywords()).containsExactly("employee");
        assertThat(got.ignoreWords()).containsExactly("EMP-0000");
        assertThat(got.maximumMatchDistance()).isEqualTo(20);
        assertThat(got.severityLevels()).extracting(l -> l.occurrencesThreshold() + ":" + l.severityAsString())
                .containsExactly("1:LOW", "10:HIGH");
        assertThat(got.arn()).isEqualTo("arn:aws:macie2:us-east-1:000000000000:custom-data-identifier/" + id);
        assertThat(got.deleted()).isFalse();

        assertThat(fixture.macie.listCustomDataIdentifiers(r -> { }).items()).extracting(i -> i.id()).contains(id);
        var batch = fixture.macie.batchGetCustomDataIdentifiers(r -> r.ids(id, "missing"));
        assertThat(batch.customDataIdentifiers()).extracting(c -> c.id()).containsExactly(id);
        assertThat(batch.notFoundIdentifierIds()).containsExactly("missing");

        fixture.macie.deleteCustomDataIdentifier(r -> r.id(id));
        assertThat(fixture.macie.getCustomDataIdentifier(r -> r.id(id)).deleted()).isTrue();
        assertThat(fixture.macie.listCustomDataIdentifiers(r -> { }).items()).extracting(i -> i.id())
                .doesNotContain(id);
        assertThatThrownBy(() -> fixture.macie.deleteCustomDataIdentifier(r -> r.id(id)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void createCustomDataIdentifier_whenSameClientToken_returnsSameIdentifier() {
        var first = fixture.macie.createCustomDataIdentifier(r -> r.clientToken("cdi-token").name("x").regex("x"))
                .customDataIdentifierId();
        var second = fixture.macie.createCustomDataIdentifier(r -> r.clientToken("cdi-token").name("x").regex("x"))
                .customDataIdentifierId();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void createCustomDataIdentifier_whenMaximumMatchDistanceOutOfRange_throwsValidationNamingTheField() {
        assertThatThrownBy(() -> fixture.macie.createCustomDataIdentifier(r -> r.name("x").regex("x")
                .maximumMatchDistance(301)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("maximumMatchDistance")
                .hasMessageContaining("301");
    }

    @Test
    void createCustomDataIdentifier_whenInputBreaksMacieLimits_throwsValidationNamingTheField() {
        assertThatThrownBy(() -> fixture.macie.createCustomDataIdentifier(r -> r.name("x").regex("(unclosed")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("regex");
        assertThatThrownBy(() -> fixture.macie.createCustomDataIdentifier(r -> r.name("x").regex("x")
                .keywords("ab")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("keywords");
        assertThatThrownBy(() -> fixture.macie.createCustomDataIdentifier(r -> r.name("x").regex("x")
                .ignoreWords("abc")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ignoreWords");
        assertThatThrownBy(() -> fixture.macie.createCustomDataIdentifier(r -> r.regex("x")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> fixture.macie.createCustomDataIdentifier(r -> r.name("x").regex("x")
                .severityLevels(l -> l.occurrencesThreshold(1L).severity(DataIdentifierSeverity.HIGH),
                        l -> l.occurrencesThreshold(5L).severity(DataIdentifierSeverity.LOW))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("severityLevels");
    }

    @Test
    void testCustomDataIdentifier_whenSampleHasMatches_countsThem() {
        var count = fixture.macie.testCustomDataIdentifier(r -> r.regex("EMP-\\d{4}")
                .sampleText("EMP-1234 and EMP-5678, not EMP-12")).matchCount();
        assertThat(count).isEqualTo(2);
    }

    @Test
    void getCustomDataIdentifier_whenUnknown_throwsResourceNotFound() {
        assertThatThrownBy(() -> fixture.macie.getCustomDataIdentifier(r -> r.id("nope")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("nope");
    }

    @Test
    void allowList_whenRegexListCreatedUpdatedAndDeleted_behavesLikeMacie() {
        var created = fixture.macie.createAllowList(r -> r.name("test-values").description("known fakes")
                .criteria(c -> c.regex("FAKE-\\d+")));
        assertThat(created.id()).matches("[a-z0-9]{22}");
        assertThat(created.arn()).isEqualTo("arn:aws:macie2:us-east-1:000000000000:allow-list/" + created.id());

        var got = fixture.macie.getAllowList(r -> r.id(created.id()));
        assertThat(got.criteria().regex()).isEqualTo("FAKE-\\d+");
        assertThat(got.status().code()).isEqualTo(AllowListStatusCode.OK);

        fixture.macie.updateAllowList(r -> r.id(created.id()).name("renamed").criteria(c -> c.regex("X")));
        assertThat(fixture.macie.getAllowList(r -> r.id(created.id())).name()).isEqualTo("renamed");
        assertThat(fixture.macie.listAllowLists(r -> { }).allowLists()).extracting(a -> a.id()).contains(created.id());

        fixture.macie.deleteAllowList(r -> r.id(created.id()));
        assertThatThrownBy(() -> fixture.macie.getAllowList(r -> r.id(created.id())))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void allowList_whenWordListObjectMissing_reportsS3ObjectNotFound() {
        var bucket = fixture.newBucket();
        var id = fixture.macie.createAllowList(r -> r.name("words")
                .criteria(c -> c.s3WordsList(w -> w.bucketName(bucket).objectKey("missing.txt")))).id();
        assertThat(fixture.macie.getAllowList(r -> r.id(id)).status().code())
                .isEqualTo(AllowListStatusCode.S3_OBJECT_NOT_FOUND);

        fixture.put(bucket, "missing.txt", "SECRET-OK\n");
        assertThat(fixture.macie.getAllowList(r -> r.id(id)).status().code()).isEqualTo(AllowListStatusCode.OK);
        fixture.macie.deleteAllowList(r -> r.id(id));
    }

    @Test
    void createAllowList_whenCriteriaInvalid_throwsValidationNamingTheField() {
        assertThatThrownBy(() -> fixture.macie.createAllowList(r -> r.name("x")
                .criteria(c -> c.s3WordsList(w -> w.bucketName("a b").objectKey("k")))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("criteria.s3WordsList.bucketName");
        assertThatThrownBy(() -> fixture.macie.createAllowList(r -> r.name("x").criteria(c -> c.regex("["))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("criteria.regex");
        assertThatThrownBy(() -> fixture.macie.createAllowList(r -> r.name("x").criteria(c -> { })))
                .isInstanceOf(ValidationException.class).hasMessageContaining("criteria");
    }

    @Test
    void createClassificationJob_whenAllowListsMatch_suppressesThoseOccurrences() {
        var bucket = fixture.newBucket();
        fixture.put(bucket, "words.txt", "SECRET-WORD\n");
        fixture.put(bucket, "data/regex.txt", "SECRET-FAKE-1\n");
        fixture.put(bucket, "data/word.txt", "my SECRET-WORD\n");
        fixture.put(bucket, "data/real.txt", "real SECRET\n");
        var regexList = fixture.macie.createAllowList(r -> r.name("fakes").criteria(c -> c.regex("FAKE-\\d"))).id();
        var wordList = fixture.macie.createAllowList(r -> r.name("words")
                .criteria(c -> c.s3WordsList(w -> w.bucketName(bucket).objectKey("words.txt")))).id();

        var jobId = fixture.macie.createClassificationJob(r -> r.clientToken("allow-" + bucket).name("allow")
                .jobType("ONE_TIME").managedDataIdentifierSelector("ALL").allowListIds(regexList, wordList)
                .s3JobDefinition(d -> d.bucketDefinitions(b -> b.accountId("000000000000").buckets(bucket))
                        .scoping(s -> s.includes(i -> i.and(t -> t.simpleScopeTerm(x -> x.key("OBJECT_KEY")
                                .comparator("STARTS_WITH").values("data/"))))))).jobId();
        assertThat(fixture.awaitFinished(jobId)).isEqualTo(JobStatus.COMPLETE);

        var ids = fixture.macie.listFindings(r -> r.findingCriteria(c -> c.criterion(java.util.Map.of(
                "classificationDetails.jobId", software.amazon.awssdk.services.macie2.model.CriterionAdditionalProperties
                        .builder().eq(jobId).build())))).findingIds();
        assertThat(fixture.macie.getFindings(r -> r.findingIds(ids)).findings())
                .extracting(f -> f.resourcesAffected().s3Object().key()).containsExactly("data/real.txt");
        fixture.macie.deleteAllowList(r -> r.id(regexList));
        fixture.macie.deleteAllowList(r -> r.id(wordList));
    }

    @Test
    void createClassificationJob_whenCustomIdentifierUnknown_throwsResourceNotFound() {
        assertThatThrownBy(() -> fixture.macie.createClassificationJob(r -> r.name("n").jobType("ONE_TIME")
                .customDataIdentifierIds("no-such-cdi").s3JobDefinition(d -> d
                        .bucketDefinitions(b -> b.accountId("000000000000").buckets("whatever")))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("no-such-cdi");
    }

    @Test
    void listManagedDataIdentifiers_whenCalled_returnsMacieCatalogue() {
        var items = fixture.macie.listManagedDataIdentifiers(r -> { }).items();
        assertThat(items).extracting(i -> i.id() + "/" + i.categoryAsString()).contains(
                "AWS_CREDENTIALS/CREDENTIALS", "CREDIT_CARD_NUMBER_(NO_KEYWORD)/FINANCIAL_INFORMATION",
                "USA_SOCIAL_SECURITY_NUMBER/PERSONAL_INFORMATION", "UK_BANK_ACCOUNT_NUMBER/FINANCIAL_INFORMATION");
        assertThat(items).extracting(i -> i.id()).doesNotContain("EMAIL_ADDRESS").doesNotHaveDuplicates();
        assertThat(items).allSatisfy(i -> assertThat(i.category()).isNotEqualTo(
                SensitiveDataItemCategory.UNKNOWN_TO_SDK_VERSION));
    }
}
