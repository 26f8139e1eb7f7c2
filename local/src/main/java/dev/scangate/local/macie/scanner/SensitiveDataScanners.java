package dev.scangate.local.macie.scanner;

import dev.scangate.local.macie.scanner.detect.CustomIdentifierMatcher;
import dev.scangate.local.macie.scanner.detect.DetectionSink;
import dev.scangate.local.macie.scanner.detect.Locator;
import dev.scangate.local.macie.scanner.detect.SegmentContext;
import dev.scangate.local.macie.scanner.identifiers.ManagedDataIdentifier;
import dev.scangate.local.macie.scanner.identifiers.ManagedDataIdentifiers;
import java.util.List;
import java.util.Set;

/** Entry point of the scanner package: the default scanner and the managed identifier catalogue. */
public final class SensitiveDataScanners {

    private SensitiveDataScanners() { }

    /** The scanner with Macie's limits. */
    public static SensitiveDataScanner create() {
        return new DefaultSensitiveDataScanner(ScannerLimits.macie());
    }

    public static SensitiveDataScanner create(ScannerLimits limits) {
        return new DefaultSensitiveDataScanner(limits);
    }

    /** Every managed identifier with its category, for ListManagedDataIdentifiers. */
    public static List<ManagedDataIdentifier> managedIdentifiers() {
        return ManagedDataIdentifiers.all();
    }

    /**
     * Checks a custom data identifier as CreateCustomDataIdentifier would (regex compiles, length and
     * distance bounds).
     *
     * @throws InvalidScanRequestException naming the problem
     */
    public static void validateCustomIdentifier(ScanSettings.CustomIdentifier identifier) {
        CustomIdentifierMatcher.validate(identifier);
    }

    /** TestCustomDataIdentifier: how many matches the identifier's criteria find in {@code sampleText}. */
    public static long countCustomMatches(ScanSettings.CustomIdentifier identifier, String sampleText) {
        long[] count = {0};
        DetectionSink counter = new DetectionSink() {
            @Override
            public void managed(String id, char[] b, int segFrom, int segTo, int start, int end, Locator l) {
                // only custom identifiers run here
            }

            @Override
            public void custom(int index, char[] b, int segFrom, int segTo, int start, int end, Locator l) {
                count[0]++;
            }
        };
        char[] text = sampleText.toCharArray();
        new CustomIdentifierMatcher(List.of(identifier)).scan(text, 0, text.length, SegmentContext.NONE,
                offset -> null, counter);
        return count[0];
    }

    /** The RECOMMENDED selection. */
    public static Set<String> recommendedIdentifiers() {
        return ManagedDataIdentifiers.recommended();
    }
}
