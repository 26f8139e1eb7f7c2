package dev.scangate.local.macie.scanner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The outcome of analysing one object.
 *
 * @param result exactly Macie's {@code classificationDetails.result} object: {@code status{code, reason},
 *     sizeClassified, mimeType, sensitiveData[], customDataIdentifiers{detections[], totalCount},
 *     additionalOccurrences}
 * @param findingType e.g. {@code SensitiveData:S3Object/Personal}; null when nothing was found
 *     (Macie then creates no finding, only a discovery result)
 * @param severityDescription {@code Low|Medium|High}; null when nothing was found
 * @param severityScore 1, 2 or 3; 0 when nothing was found
 */
public record ScanResult(ObjectNode result, String findingType, String severityDescription, int severityScore) {

    public Optional<String> type() {
        return Optional.ofNullable(findingType);
    }

    public boolean hasFinding() {
        return findingType != null;
    }

    public String statusCode() {
        return result.path("status").path("code").asText();
    }
}
