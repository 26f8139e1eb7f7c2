package dev.scangate.local.macie.scanner.detect;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One occurrence location as Macie writes it.
 *
 * @param kind the {@code occurrences} list it belongs to: {@code lineRanges}, {@code cells},
 *     {@code records} or {@code pages}
 * @param node the {@code Range}, {@code Cell}, {@code Record} or {@code Page} object
 */
public record Location(String kind, ObjectNode node) { }
