package dev.scangate.lambdas.core.scan;

import dev.scangate.lambdas.core.StepInputException;
import dev.scangate.lambdas.core.config.Environment;
import java.util.List;
import java.util.Set;

/** What a run's Macie job looks for, from the step environment. */
public record ScanJobSettings(String managedIdentifierSelector, List<String> managedIdentifierIds,
                              List<String> customDataIdentifierIds, List<String> allowListIds) {

    private static final Set<String> SELECTORS = Set.of("ALL", "EXCLUDE", "INCLUDE", "NONE", "RECOMMENDED");

    public ScanJobSettings {
        managedIdentifierIds = List.copyOf(managedIdentifierIds);
        customDataIdentifierIds = List.copyOf(customDataIdentifierIds);
        allowListIds = List.copyOf(allowListIds);
    }

    public static ScanJobSettings from(Environment environment) {
        var selector = environment.string("MANAGED_IDENTIFIER_SELECTOR", "ALL").toUpperCase(java.util.Locale.ROOT);
        if (!SELECTORS.contains(selector)) {
            throw new StepInputException("MANAGED_IDENTIFIER_SELECTOR", "must be one of " + SELECTORS + ", got '" + selector + "'");
        }
        var managed = environment.list("MANAGED_IDENTIFIER_IDS");
        var custom = environment.list("CUSTOM_DATA_IDENTIFIER_IDS");
        if ((selector.equals("INCLUDE") || selector.equals("EXCLUDE")) && managed.isEmpty()) {
            throw new StepInputException("MANAGED_IDENTIFIER_IDS", "is required when MANAGED_IDENTIFIER_SELECTOR is " + selector);
        }
        if (!(selector.equals("INCLUDE") || selector.equals("EXCLUDE")) && !managed.isEmpty()) {
            throw new StepInputException("MANAGED_IDENTIFIER_IDS", "is only allowed with MANAGED_IDENTIFIER_SELECTOR INCLUDE or EXCLUDE");
        }
        if (selector.equals("NONE") && custom.isEmpty()) {
            throw new StepInputException("CUSTOM_DATA_IDENTIFIER_IDS", "is required when MANAGED_IDENTIFIER_SELECTOR is NONE");
        }
        return new ScanJobSettings(selector, managed, custom, environment.list("ALLOW_LIST_IDS"));
    }
}
