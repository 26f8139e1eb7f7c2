package dev.scangate.local.macie.scanner.format;

import dev.scangate.local.macie.scanner.detect.Location;
import dev.scangate.local.macie.scanner.detect.Locator;
import dev.scangate.local.macie.scanner.detect.SegmentContext;
import dev.scangate.local.macie.scanner.detect.SegmentScanner;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV (RFC 4180 quoting, fields may span lines) and TSV. The first row holds the column names: they
 * are scanned as text (lineRanges, as Macie reports data in column names) and count as keywords for
 * every value in their column. Every other field is a segment located by a cell
 * ({@code row} = the line its record starts on, {@code column} 1-based, {@code cellReference} null).
 */
final class DelimitedFormat {

    private static final int MAX_FIELD = 1 << 20;

    private final SegmentScanner scanner;
    private final char delimiter;
    private final boolean quoting;
    private final List<String> names = new ArrayList<>();
    private final List<SegmentContext> contexts = new ArrayList<>();
    private final CellLocator cellLocator = new CellLocator();
    private final TextFormat.LineLocator headerLocator = new TextFormat.LineLocator();

    private char[] field = new char[256];
    private int fieldLen;
    private int column;
    private long recordLine = 1;
    private long line = 1;
    private long fieldStartColumn = 1;
    private long lineColumn;
    private boolean header = true;
    /** The current field was already scanned in place by the fast path. */
    private boolean fieldScanned;

    private DelimitedFormat(SegmentScanner scanner, char delimiter) {
        this.scanner = scanner;
        this.delimiter = delimiter;
        this.quoting = delimiter == ',';
    }

    static void scan(Reader reader, SegmentScanner scanner, char delimiter) throws IOException {
        new DelimitedFormat(scanner, delimiter).run(reader);
    }

    private void run(Reader reader) throws IOException {
        char[] buf = new char[1 << 16];
        boolean inQuotes = false;
        boolean quotePending = false;
        int n;
        while ((n = reader.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                if (!inQuotes && fieldLen == 0) {
                    // Fast path: an unquoted field that ends inside the buffer is scanned in place.
                    int j = i;
                    while (j < n) {
                        char d = buf[j];
                        if (d == delimiter || d == '\n' || d == '\r' || d == '"') {
                            break;
                        }
                        j++;
                    }
                    if (j > i && j < n && buf[j] != '"') {
                        scanField(buf, i, j);
                        fieldScanned = true;
                        lineColumn += j - i;
                        i = j;
                    }
                }
                char c = buf[i];
                lineColumn++;
                if (inQuotes) {
                    if (quotePending) {
                        quotePending = false;
                        if (c == '"') {
                            append(c);
                            continue;
                        }
                        inQuotes = false;
                        // fall through: c is handled as outside quotes
                    } else if (c == '"') {
                        quotePending = true;
                        continue;
                    } else {
                        if (c == '\n') {
                            line++;
                            lineColumn = 0;
                        }
                        append(c);
                        continue;
                    }
                }
                if (c == delimiter) {
                    endField();
                    fieldStartColumn = lineColumn + 1;
                } else if (c == '\n') {
                    endRecord();
                    line++;
                    lineColumn = 0;
                    recordLine = line;
                    fieldStartColumn = 1;
                } else if (c == '\r') {
                    continue;
                } else if (c == '"' && quoting && fieldLen == 0) {
                    inQuotes = true;
                } else {
                    append(c);
                }
            }
        }
        if (fieldLen > 0 || column > 0 || fieldScanned) {
            endRecord();
        }
    }

    private void append(char c) {
        if (fieldLen == field.length) {
            if (field.length >= MAX_FIELD) {
                scanField(field, 0, fieldLen);
                fieldLen = 0;
            } else {
                field = java.util.Arrays.copyOf(field, field.length * 2);
            }
        }
        field[fieldLen++] = c;
    }

    private void endField() {
        if (!fieldScanned) {
            scanField(field, 0, fieldLen);
        }
        fieldScanned = false;
        fieldLen = 0;
        column++;
    }

    private void endRecord() {
        endField();
        column = 0;
        header = false;
    }

    private void scanField(char[] chars, int from, int to) {
        if (header) {
            String name = new String(chars, from, to - from).trim();
            names.add(name);
            contexts.add(SegmentContext.of(name));
            headerLocator.line = recordLine;
            headerLocator.columnBase = fieldStartColumn - 1;
            scanner.scan(chars, from, to, SegmentContext.NONE, headerLocator);
            return;
        }
        cellLocator.column = column + 1;
        cellLocator.name = column < names.size() ? names.get(column) : "";
        cellLocator.row = recordLine;
        SegmentContext ctx = column < contexts.size() ? contexts.get(column) : SegmentContext.NONE;
        scanner.scan(chars, from, to, ctx, cellLocator);
    }

    private static final class CellLocator implements Locator {
        long column;
        String name;
        long row;

        @Override
        public Location locate(int offsetInSegment) {
            return Locations.cell(null, column, name, row);
        }
    }
}
