package dev.scangate.local.macie.scanner.identifiers;

/**
 * One Macie managed data identifier.
 *
 * @param detected whether this scanner implements a detector for it; identifiers that are only
 *     catalogued are still accepted in selections (as Macie would) but never match
 */
public record ManagedDataIdentifier(String id, Category category, SeverityRule severityRule, boolean detected) { }
