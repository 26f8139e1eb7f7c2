package dev.scangate.local.macie.scanner.format;

import dev.scangate.local.macie.scanner.detect.Location;
import dev.scangate.local.macie.scanner.detect.Locator;
import dev.scangate.local.macie.scanner.detect.SegmentContext;
import dev.scangate.local.macie.scanner.detect.SegmentScanner;
import java.io.IOException;
import java.io.Reader;

/** Non-binary text (txt, log, xml, html, yaml, ...): each line is a segment; locations are lineRanges. */
final class TextFormat {

    private TextFormat() { }

    static void scan(Reader reader, SegmentScanner scanner) throws IOException {
        LineLocator locator = new LineLocator();
        LineReader.read(reader, (b, from, to, line, columnBase) -> {
            locator.line = line;
            locator.columnBase = columnBase;
            scanner.scan(b, from, to, SegmentContext.NONE, locator);
        });
    }

    /** Reused for every line; only read when an occurrence location is kept. */
    static final class LineLocator implements Locator {
        long line;
        long columnBase;

        @Override
        public Location locate(int offsetInSegment) {
            return Locations.line(line, columnBase + offsetInSegment + 1);
        }
    }
}
