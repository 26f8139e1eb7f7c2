package dev.scangate.local.macie.scanner;

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

    /** The RECOMMENDED selection. */
    public static Set<String> recommendedIdentifiers() {
        return ManagedDataIdentifiers.recommended();
    }
}
