package dev.scangate.local.macie.scanner;

import dev.scangate.local.macie.scanner.identifiers.ManagedDataIdentifier;
import dev.scangate.local.macie.scanner.identifiers.ManagedDataIdentifiers;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Resolves a managed-identifier selector (ALL, RECOMMENDED, INCLUDE, EXCLUDE, NONE) to Macie ids. */
public final class IdentifierSelection {

    private IdentifierSelection() { }

    /** @throws InvalidScanRequestException for ids Macie does not know, or INCLUDE with no ids */
    public static Set<String> resolve(ScanSettings settings) {
        for (String id : settings.managedIdentifierIds()) {
            if (ManagedDataIdentifiers.find(id).isEmpty()) {
                throw new InvalidScanRequestException("unknown managed data identifier '" + id + "'");
            }
        }
        Set<String> all = new LinkedHashSet<>();
        ManagedDataIdentifiers.all().stream().map(ManagedDataIdentifier::id).forEach(all::add);
        return switch (settings.selector()) {
            case ALL -> all;
            case RECOMMENDED -> ManagedDataIdentifiers.recommended();
            case NONE -> Set.of();
            case INCLUDE -> {
                if (settings.managedIdentifierIds().isEmpty()) {
                    throw new InvalidScanRequestException("selector INCLUDE needs at least one managed data identifier id");
                }
                yield settings.managedIdentifierIds();
            }
            case EXCLUDE -> {
                all.removeAll(settings.managedIdentifierIds());
                yield all;
            }
        };
    }

    /**
     * Parses the {@code scan} command's {@code --identifiers} value: {@code ALL}, {@code RECOMMENDED},
     * {@code NONE}, or a comma list of ids (INCLUDE).
     */
    public static ScanSettings parse(String spec) {
        String s = spec == null ? "" : spec.trim();
        if (s.isEmpty()) {
            throw new InvalidScanRequestException("--identifiers is empty: use ALL, RECOMMENDED or a comma list of ids");
        }
        String upper = s.toUpperCase(Locale.ROOT);
        if (upper.equals("ALL") || upper.equals("RECOMMENDED") || upper.equals("NONE")) {
            return ScanSettings.of(ScanSettings.ManagedSelector.valueOf(upper));
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String part : s.split(",")) {
            String id = part.trim().toUpperCase(Locale.ROOT);
            if (id.isEmpty()) {
                continue;
            }
            if (ManagedDataIdentifiers.find(id).isEmpty()) {
                throw new InvalidScanRequestException("unknown managed data identifier '" + part.trim()
                        + "' (see ListManagedDataIdentifiers for the ids)");
            }
            ids.add(id);
        }
        if (ids.isEmpty()) {
            throw new InvalidScanRequestException("--identifiers names no identifier");
        }
        return new ScanSettings(ScanSettings.ManagedSelector.INCLUDE, ids, null, null);
    }
}
