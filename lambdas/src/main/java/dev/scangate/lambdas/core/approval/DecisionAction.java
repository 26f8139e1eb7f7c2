package dev.scangate.lambdas.core.approval;

import java.util.Locale;
import java.util.Optional;

/** What a person decided for one held object. */
public enum DecisionAction {
    APPROVE,
    DENY;

    /** Lenient parse of user input; empty when the value is not an action. */
    public static Optional<DecisionAction> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "APPROVE" -> Optional.of(APPROVE);
            case "DENY" -> Optional.of(DENY);
            default -> Optional.empty();
        };
    }
}
