package dev.scangate.local.macie.scanner.detect;

/** Runs the managed detectors and the custom identifiers over one segment; what formats call. */
public final class SegmentScanner {

    private final TextDetector managed;
    private final boolean managedOn;
    private final CustomIdentifierMatcher custom;
    private final DetectionSink sink;
    private long segments;

    public SegmentScanner(TextDetector managed, CustomIdentifierMatcher custom, DetectionSink sink) {
        this.managed = managed;
        this.managedOn = managed.anyEnabled();
        this.custom = custom;
        this.sink = sink;
    }

    public void scan(char[] b, int from, int to, SegmentContext context, Locator locator) {
        if (from >= to) {
            return;
        }
        segments++;
        if (managedOn) {
            managed.scan(b, from, to, context, locator);
        }
        custom.scan(b, from, to, context, locator, sink);
    }

    /** Whether custom identifiers need the names behind a segment's context. */
    public boolean wantsContextText() {
        return !custom.isEmpty();
    }

    /** How many non-empty segments were scanned so far (a failed parse with none scanned is SKIPPED). */
    public long segments() {
        return segments;
    }
}
