package dev.scangate.local.macie.api.core.identifier;

import dev.scangate.local.macie.scanner.ScanSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A custom data identifier; deletion is soft, as in Macie. */
public record CustomDataIdentifier(
        String id,
        String arn,
        String clientToken,
        String name,
        String description,
        String regex,
        List<String> keywords,
        List<String> ignoreWords,
        int maximumMatchDistance,
        List<ScanSettings.SeverityLevel> severityLevels,
        Map<String, String> tags,
        Instant createdAt,
        boolean deleted) {

    public CustomDataIdentifier {
        keywords = List.copyOf(keywords == null ? List.of() : keywords);
        ignoreWords = List.copyOf(ignoreWords == null ? List.of() : ignoreWords);
        severityLevels = List.copyOf(severityLevels == null ? List.of() : severityLevels);
        tags = Map.copyOf(tags == null ? Map.of() : tags);
    }

    public CustomDataIdentifier asDeleted() {
        return new CustomDataIdentifier(id, arn, clientToken, name, description, regex, keywords, ignoreWords,
                maximumMatchDistance, severityLevels, tags, createdAt, true);
    }

    public ScanSettings.CustomIdentifier toScanSetting() {
        return new ScanSettings.CustomIdentifier(id, name, regex, keywords, ignoreWords, maximumMatchDistance,
                severityLevels);
    }
}
