package dev.scangate.local.macie.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scangate.local.macie.scanner.ScanSettings.CustomIdentifier;
import dev.scangate.local.macie.scanner.ScanSettings.SeverityLevel;
import dev.scangate.local.macie.scanner.finding.SensitiveDataFinding;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FindingShapeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void result_whenOneName_equalsReferenceShapeFieldByField() throws IOException {
        ScanResult r = Scans.scanAll("people.txt", "nothing here\ncontact John Smith\n");

        assertThat(reparsed(r.result())).isEqualTo(fixture("expected-result-name.json"));
        assertThat(r.findingType()).isEqualTo("SensitiveData:S3Object/Personal");
        assertThat(r.severityDescription()).isEqualTo("Low");
        assertThat(r.severityScore()).isEqualTo(1);
    }

    @Test
    void result_whenOnlyCustomIdentifierMatches_equalsReferenceShape() throws IOException {
        CustomIdentifier emp = new CustomIdentifier("0e8eb8a1-1a3a-49ad-992f-0ab825642859", "EmpId", "E-\\d{4}",
                null, null, 0, null);
        ScanSettings settings = new ScanSettings(ScanSettings.ManagedSelector.NONE, null, List.of(emp), null);

        ScanResult r = Scans.scan("emp.csv", "EmpID,Dept\nE-1234,ops\nE-5678,dev\n", settings);

        assertThat(reparsed(r.result())).isEqualTo(fixture("expected-result-custom.json"));
        assertThat(r.findingType()).isEqualTo("SensitiveData:S3Object/CustomIdentifier");
        assertThat(r.severityDescription()).isEqualTo("Medium");
    }

    @Test
    void severity_whenCountsCrossBuckets_followsPerTypeRulesWithMax() {
        assertThat(Scans.scanAll("a.txt", "John Smith\nMary Jones\n").severityDescription()).isEqualTo("Medium");
        assertThat(Scans.scanAll("a.txt", "passport 912345678").severityDescription()).isEqualTo("Medium");
        assertThat(Scans.scanAll("a.txt", "John Smith ssn 123-45-6789").severityDescription()).isEqualTo("High");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            many.append("John Smith\n");
        }
        assertThat(Scans.scanAll("a.txt", many.toString()).severityDescription()).isEqualTo("High");
        StringBuilder vins = new StringBuilder();
        for (int i = 0; i < 99; i++) {
            vins.append("VIN 1HGCM82633A004352\n");
        }
        assertThat(Scans.scanAll("a.txt", vins.toString()).severityDescription()).isEqualTo("Low");
    }

    @Test
    void type_whenSeveralCategories_isMultiple() {
        ScanResult r = Scans.scanAll("a.txt", "card number 4539 1488 0343 6467\n-----BEGIN RSA PRIVATE KEY-----\n");

        assertThat(r.findingType()).isEqualTo("SensitiveData:S3Object/Multiple");
        assertThat(Scans.scanAll("a.txt", "-----BEGIN RSA PRIVATE KEY-----").findingType())
                .isEqualTo("SensitiveData:S3Object/Credentials");
        assertThat(Scans.scanAll("a.txt", "card number 4539 1488 0343 6467").findingType())
                .isEqualTo("SensitiveData:S3Object/Financial");
    }

    @Test
    void locations_whenMoreThanFifteen_keepFifteenSharedAcrossDetectionsAndFlagAdditional() {
        StringBuilder text = new StringBuilder("card number 4539 1488 0343 6467\n");
        for (int i = 0; i < 20; i++) {
            text.append("ssn 123-45-6789\n");
        }
        ScanResult r = Scans.scanAll("a.txt", text.toString());

        int total = 0;
        for (JsonNode cat : r.result().path("sensitiveData")) {
            for (JsonNode d : cat.path("detections")) {
                total += d.path("occurrences").path("lineRanges").size();
            }
        }
        assertThat(total).isEqualTo(15);
        assertThat(Scans.firstOccurrences(r, "CREDIT_CARD_NUMBER").path("lineRanges")).hasSize(1);
        assertThat(Scans.counts(r)).containsEntry("USA_SOCIAL_SECURITY_NUMBER", 20L);
        assertThat(r.result().path("additionalOccurrences").asBoolean()).isTrue();
    }

    @Test
    void customSeverity_whenBelowLowestThreshold_createsNoFinding() {
        CustomIdentifier emp = new CustomIdentifier("id1", "Emp", "E-\\d{4}", null, null, 0,
                List.of(new SeverityLevel(3, "LOW"), new SeverityLevel(5, "HIGH")));
        ScanSettings settings = new ScanSettings(ScanSettings.ManagedSelector.NONE, null, List.of(emp), null);

        ScanResult two = Scans.scan("a.txt", "E-0001 E-0002", settings);
        ScanResult three = Scans.scan("a.txt", "E-0001 E-0002 E-0003", settings);
        ScanResult five = Scans.scan("a.txt", "E-0001 E-0002 E-0003 E-0004 E-0005", settings);

        assertThat(two.hasFinding()).isFalse();
        assertThat(three.severityDescription()).isEqualTo("Low");
        assertThat(five.severityDescription()).isEqualTo("High");
    }

    @Test
    void finding_whenBuilt_hasGetFindingsShape() throws IOException {
        ScanResult r = Scans.scanAll("people.txt", "nothing here\ncontact John Smith\n");
        JsonNode f = SensitiveDataFinding.builder().id("ba3c75616234b8a67797b8000371aaba").jobId("8df4fca1eccfdae45d8b936a21f1882d")
                .bucket("bkt").key("dir/people.txt").size(32).eTag("\"07b21b45\"").versionId(null)
                .lastModified(Instant.parse("2024-03-11T19:37:04Z")).createdAt(Instant.parse("2024-03-11T19:46:53.031Z"))
                .result(r).build();

        assertThat(names(f)).containsExactlyInAnyOrder("accountId", "archived", "category", "classificationDetails",
                "count", "createdAt", "description", "id", "partition", "policyDetails", "region",
                "resourcesAffected", "sample", "schemaVersion", "severity", "title", "type", "updatedAt");
        assertThat(f.path("classificationDetails").path("jobArn").asText())
                .isEqualTo("arn:aws:macie2:us-east-1:000000000000:classification-job/8df4fca1eccfdae45d8b936a21f1882d");
        assertThat(f.path("classificationDetails").path("detailedResultsLocation").asText())
                .startsWith("s3://[export-config-not-set]/AWSLogs/000000000000/Macie/us-east-1/");
        assertThat(f.path("classificationDetails").path("result")).isEqualTo(r.result());
        JsonNode o = f.path("resourcesAffected").path("s3Object");
        assertThat(o.path("eTag").asText()).isEqualTo("07b21b45");
        assertThat(o.path("versionId").asText()).isEmpty();
        assertThat(o.path("extension").asText()).isEqualTo("txt");
        assertThat(o.path("path").asText()).isEqualTo("bkt/dir/people.txt");
        assertThat(o.path("lastModified").asText()).isEqualTo("2024-03-11T19:37:04.000Z");
        assertThat(f.path("severity")).isEqualTo(MAPPER.readTree("{\"description\":\"Low\",\"score\":1}"));
        assertThat(f.path("createdAt").asText()).isEqualTo("2024-03-11T19:46:53.031Z").isEqualTo(f.path("updatedAt").asText());
        assertThat(f.path("title").asText()).isEqualTo("The S3 object contains personal information.");
        assertThat(f.path("count").asInt()).isEqualTo(1);
        assertThat(f.path("category").asText()).isEqualTo("CLASSIFICATION");
    }

    @Test
    void catalogue_whenListed_hasCategoriesAndRecommendedSubset() {
        assertThat(SensitiveDataScanners.managedIdentifiers()).extracting(i -> i.id())
                .contains("CREDIT_CARD_NUMBER_(NO_KEYWORD)", "UK_BANK_ACCOUNT_NUMBER", "NAME", "PKCS")
                .doesNotContain("EMAIL_ADDRESS", "IP_ADDRESS", "AWS_ACCESS_KEY_ID");
        Set<String> all = Set.copyOf(SensitiveDataScanners.managedIdentifiers().stream().map(i -> i.id()).toList());
        assertThat(all).containsAll(SensitiveDataScanners.recommendedIdentifiers());
        assertThat(SensitiveDataScanners.recommendedIdentifiers()).doesNotContain("NAME", "ADDRESS", "PHONE_NUMBER",
                "CREDIT_CARD_NUMBER_(NO_KEYWORD)");
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    /** Through text, so numbers compare by value (the scanner writes longs, a parser reads ints). */
    private static JsonNode reparsed(JsonNode n) throws IOException {
        return MAPPER.readTree(n.toString());
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = FindingShapeTest.class.getResourceAsStream("/scanner/" + name)) {
            return MAPPER.readTree(in);
        }
    }
}
