package dev.scangate.lambdas.aws.macie;

import dev.scangate.lambdas.core.report.Detection;
import dev.scangate.lambdas.core.report.Severity;
import dev.scangate.lambdas.core.scan.Findings;
import dev.scangate.lambdas.core.scan.ObjectFinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.macie2.Macie2Client;
import software.amazon.awssdk.services.macie2.model.Cell;
import software.amazon.awssdk.services.macie2.model.CriterionAdditionalProperties;
import software.amazon.awssdk.services.macie2.model.Finding;
import software.amazon.awssdk.services.macie2.model.Occurrences;
import software.amazon.awssdk.services.macie2.model.Page;
import software.amazon.awssdk.services.macie2.model.Range;
import software.amazon.awssdk.services.macie2.model.Record;

/** {@link Findings} over ListFindings (every page) and GetFindings (at most 50 ids a call). */
public final class MacieFindings implements Findings {

    static final int GET_FINDINGS_BATCH = 50;

    private final Macie2Client macie;

    public MacieFindings(Macie2Client macie) {
        this.macie = macie;
    }

    @Override
    public List<ObjectFinding> forJob(String jobId) {
        var ids = findingIds(jobId);
        var findings = new ArrayList<ObjectFinding>();
        for (int i = 0; i < ids.size(); i += GET_FINDINGS_BATCH) {
            var batch = ids.subList(i, Math.min(ids.size(), i + GET_FINDINGS_BATCH));
            var response = MacieErrors.call("GetFindings", jobId, () -> macie.getFindings(b -> b.findingIds(batch)));
            response.findings().stream()
                    .filter(f -> f.resourcesAffected() != null && f.resourcesAffected().s3Object() != null)
                    .map(MacieFindings::toObjectFinding)
                    .forEach(findings::add);
        }
        return findings;
    }

    private List<String> findingIds(String jobId) {
        var criterion = Map.of(
                "classificationDetails.jobId", CriterionAdditionalProperties.builder().eq(jobId).build(),
                "archived", CriterionAdditionalProperties.builder().eq("false").build());
        var ids = new ArrayList<String>();
        String token = null;
        do {
            String next = token;
            var page = MacieErrors.call("ListFindings", jobId, () -> macie.listFindings(b -> b
                    .findingCriteria(c -> c.criterion(criterion)).maxResults(GET_FINDINGS_BATCH).nextToken(next)));
            ids.addAll(page.findingIds());
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return ids;
    }

    private static ObjectFinding toObjectFinding(Finding finding) {
        var detections = new ArrayList<Detection>();
        var result = finding.classificationDetails() == null ? null : finding.classificationDetails().result();
        if (result != null) {
            for (var item : result.sensitiveData()) {
                for (var detection : item.detections()) {
                    detections.add(new Detection(detection.type(), item.categoryAsString(), count(detection.count()),
                            locations(detection.occurrences())));
                }
            }
            if (result.customDataIdentifiers() != null) {
                for (var detection : result.customDataIdentifiers().detections()) {
                    detections.add(new Detection(detection.name(), "CUSTOM_IDENTIFIER", count(detection.count()),
                            locations(detection.occurrences())));
                }
            }
        }
        var severity = finding.severity() == null ? null
                : Severity.find(finding.severity().descriptionAsString()).orElse(Severity.HIGH);
        return new ObjectFinding(finding.id(), finding.typeAsString(), finding.resourcesAffected().s3Bucket() == null
                ? null : finding.resourcesAffected().s3Bucket().name(), finding.resourcesAffected().s3Object().key(),
                severity, detections);
    }

    private static long count(Long count) {
        return count == null ? 0 : count;
    }

    /** Occurrence positions in Macie's own shape (never the matched text). */
    private static List<Map<String, Object>> locations(Occurrences occurrences) {
        var locations = new ArrayList<Map<String, Object>>();
        if (occurrences == null) {
            return locations;
        }
        for (Cell cell : occurrences.cells()) {
            locations.add(map("cellReference", cell.cellReference(), "column", cell.column(),
                    "columnName", cell.columnName(), "row", cell.row()));
        }
        for (Range range : occurrences.lineRanges()) {
            locations.add(map("start", range.start(), "end", range.end(), "startColumn", range.startColumn()));
        }
        for (Range range : occurrences.offsetRanges()) {
            locations.add(map("start", range.start(), "end", range.end(), "startColumn", range.startColumn()));
        }
        for (Page page : occurrences.pages()) {
            locations.add(map("pageNumber", page.pageNumber()));
        }
        for (Record record : occurrences.records()) {
            locations.add(map("jsonPath", record.jsonPath(), "recordIndex", record.recordIndex()));
        }
        return locations;
    }

    private static Map<String, Object> map(Object... pairs) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
