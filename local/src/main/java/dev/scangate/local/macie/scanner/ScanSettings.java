package dev.scangate.local.macie.scanner;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What a classification job asks for: managed identifiers, custom identifiers, allow lists. */
public record ScanSettings(
        ManagedSelector selector,
        Set<String> managedIdentifierIds,
        List<CustomIdentifier> customIdentifiers,
        List<AllowList> allowLists) {

    public enum ManagedSelector { ALL, RECOMMENDED, INCLUDE, EXCLUDE, NONE }

    public ScanSettings {
        Objects.requireNonNull(selector, "selector");
        managedIdentifierIds = Set.copyOf(managedIdentifierIds == null ? Set.of() : managedIdentifierIds);
        customIdentifiers = List.copyOf(customIdentifiers == null ? List.of() : customIdentifiers);
        allowLists = List.copyOf(allowLists == null ? List.of() : allowLists);
    }

    public static ScanSettings of(ManagedSelector selector) {
        return new ScanSettings(selector, Set.of(), List.of(), List.of());
    }

    /** A custom data identifier as CreateCustomDataIdentifier defines it. */
    public record CustomIdentifier(
            String id,
            String name,
            String regex,
            List<String> keywords,
            List<String> ignoreWords,
            int maximumMatchDistance,
            List<SeverityLevel> severityLevels) {

        public CustomIdentifier {
            keywords = List.copyOf(keywords == null ? List.of() : keywords);
            ignoreWords = List.copyOf(ignoreWords == null ? List.of() : ignoreWords);
            severityLevels = List.copyOf(severityLevels == null ? List.of() : severityLevels);
        }
    }

    /** {@code severity} is LOW, MEDIUM or HIGH, as in the Macie API. */
    public record SeverityLevel(long occurrencesThreshold, String severity) { }

    /** Either a regex or a word list (the S3 word list already loaded). */
    public record AllowList(String id, String regex, Set<String> words) {

        public AllowList {
            words = Set.copyOf(words == null ? Set.of() : words);
        }
    }
}
