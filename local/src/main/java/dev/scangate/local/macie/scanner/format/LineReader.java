package dev.scangate.local.macie.scanner.format;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a character stream into lines without allocating per line. Memory is bounded: a line
 * longer than {@link #MAX_LINE} characters is handed over in pieces (same line number, growing
 * column base), so a single-line 1 GB file never needs 1 GB of heap.
 */
final class LineReader {

    static final int MAX_LINE = 1 << 20;

    @FunctionalInterface
    interface LineHandler {
        /** @param columnBase characters of this line already handed over in earlier pieces */
        void line(char[] b, int from, int to, long lineNumber, long columnBase);
    }

    private LineReader() { }

    static void read(Reader reader, LineHandler handler) throws IOException {
        char[] buf = new char[1 << 16];
        int len = 0;
        int start = 0;
        long line = 1;
        long columnBase = 0;
        int scanned = 0;
        while (true) {
            int n = reader.read(buf, len, buf.length - len);
            if (n < 0) {
                break;
            }
            len += n;
            int i = Math.max(start, scanned);
            while (i < len) {
                if (buf[i] == '\n') {
                    int end = i > start && buf[i - 1] == '\r' ? i - 1 : i;
                    handler.line(buf, start, end, line, columnBase);
                    line++;
                    columnBase = 0;
                    start = i + 1;
                }
                i++;
            }
            scanned = len;
            if (start == 0 && len == buf.length) {
                if (buf.length < MAX_LINE) {
                    buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                } else {
                    handler.line(buf, 0, len, line, columnBase);
                    columnBase += len;
                    len = 0;
                    scanned = 0;
                }
            } else if (start > 0) {
                System.arraycopy(buf, start, buf, 0, len - start);
                len -= start;
                scanned -= start;
                start = 0;
            }
        }
        if (start < len) {
            int end = buf[len - 1] == '\r' ? len - 1 : len;
            handler.line(buf, start, end, line, columnBase);
        }
    }
}
