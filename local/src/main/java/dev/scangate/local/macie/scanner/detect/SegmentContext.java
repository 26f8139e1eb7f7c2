package dev.scangate.local.macie.scanner.detect;

/**
 * What surrounds a text segment in a structured file: the column name (CSV/TSV/Excel) or the JSON
 * path element names, which count as keywords (§1.2).
 *
 * @param keywordMask managed keyword groups present in {@code text} ({@link Detector#bit()})
 * @param text the names themselves, for custom identifiers' keywords; empty for unstructured text
 */
public record SegmentContext(long keywordMask, String text) {

    public static final SegmentContext NONE = new SegmentContext(0L, "");

    public static SegmentContext of(String names) {
        if (names == null || names.isEmpty()) {
            return NONE;
        }
        return new SegmentContext(KeywordIndex.instance().maskOf(names), names);
    }
}
