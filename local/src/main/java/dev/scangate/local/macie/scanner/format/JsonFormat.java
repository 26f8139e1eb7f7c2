package dev.scangate.local.macie.scanner.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.scangate.local.macie.scanner.detect.KeywordIndex;
import dev.scangate.local.macie.scanner.detect.Location;
import dev.scangate.local.macie.scanner.detect.Locator;
import dev.scangate.local.macie.scanner.detect.SegmentContext;
import dev.scangate.local.macie.scanner.detect.SegmentScanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * JSON and JSON Lines, streamed with Jackson. Every string and number value (and every field name)
 * is a segment located by a record: {@code jsonPath} like {@code $.customer.cards[0].number} (left
 * out when the field name itself is the sensitive text) and {@code recordIndex} (0 for JSON, the
 * line index for JSONL). The names on the path count as keywords (§1.2). A JSONL line that is not
 * JSON is scanned as text with lineRanges, as Macie treats malformed parts.
 */
final class JsonFormat {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(2000)
                    .maxStringLength(Integer.MAX_VALUE).build())
            .build();

    private final SegmentScanner scanner;
    private final int maxNesting;
    private final RecordLocator locator = new RecordLocator();
    private final Deque<Long> masks = new ArrayDeque<>();

    private JsonFormat(SegmentScanner scanner, int maxNesting) {
        this.scanner = scanner;
        this.maxNesting = maxNesting;
    }

    static void scanJson(InputStream in, SegmentScanner scanner, int maxNesting) throws IOException {
        JsonFormat f = new JsonFormat(scanner, maxNesting);
        // The byte-based parser decodes UTF-8 itself, faster than a Reader in front of it.
        try (JsonParser p = FACTORY.createParser(in)) {
            f.locator.recordIndex = 0;
            while (f.document(p)) {
                // A file may hold several concatenated documents; each is record 0 as in Macie.
            }
        } catch (JsonProcessingException e) {
            throw new MalformedContentException("MALFORMED_FILE", "not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static void scanJsonLines(Reader reader, SegmentScanner scanner, int maxNesting) throws IOException {
        JsonFormat f = new JsonFormat(scanner, maxNesting);
        TextFormat.LineLocator textLocator = new TextFormat.LineLocator();
        long[] index = {0};
        LineReader.read(reader, (b, from, to, line, columnBase) -> {
            if (isBlank(b, from, to)) {
                return;
            }
            f.locator.recordIndex = index[0]++;
            long before = scanner.segments();
            try (JsonParser p = FACTORY.createParser(b, from, to - from)) {
                while (f.document(p)) {
                    // one JSON value per line
                }
            } catch (JsonProcessingException e) {
                if (scanner.segments() == before) {
                    textLocator.line = line;
                    textLocator.columnBase = columnBase;
                    scanner.scan(b, from, to, SegmentContext.NONE, textLocator);
                }
            } catch (IOException e) {
                throw new MalformedContentException("MALFORMED_FILE", "unreadable JSON line " + line, e);
            }
        });
    }

    private static boolean isBlank(char[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(b[i])) {
                return false;
            }
        }
        return true;
    }

    /** Reads one top-level value; false at end of input. */
    private boolean document(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            return false;
        }
        masks.clear();
        masks.push(0L);
        int depth = 0;
        do {
            switch (t) {
                case START_OBJECT, START_ARRAY -> {
                    depth++;
                    if (depth > maxNesting) {
                        throw new MalformedContentException("JSON_NESTING_LEVEL_OVER_LIMIT",
                                "JSON nesting deeper than " + maxNesting + " levels");
                    }
                    JsonStreamContext parent = p.getParsingContext().getParent();
                    masks.push(masks.peek() | (parent == null ? 0L : nameMask(parent)));
                }
                case END_OBJECT, END_ARRAY -> {
                    depth--;
                    masks.pop();
                }
                case FIELD_NAME -> {
                    locator.parser = p;
                    locator.withPath = false;
                    scanner.scan(p.getTextCharacters(), p.getTextOffset(), p.getTextOffset() + p.getTextLength(),
                            SegmentContext.NONE, locator);
                }
                case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    locator.parser = p;
                    locator.withPath = true;
                    long mask = masks.peek() | nameMask(p.getParsingContext());
                    SegmentContext ctx = mask == 0 && !scanner.wantsContextText() ? SegmentContext.NONE
                            : new SegmentContext(mask, scanner.wantsContextText() ? names(p.getParsingContext()) : "");
                    char[] text = p.getTextCharacters();
                    scanner.scan(text, p.getTextOffset(), p.getTextOffset() + p.getTextLength(), ctx, locator);
                }
                default -> { }
            }
            if (depth == 0) {
                return true;
            }
            t = p.nextToken();
        } while (t != null);
        throw new MalformedContentException("MALFORMED_FILE", "JSON ends inside a value");
    }

    private static long nameMask(JsonStreamContext ctx) {
        String name = ctx.getCurrentName();
        return name == null ? 0L : KeywordIndex.instance().maskOf(name);
    }

    private static String names(JsonStreamContext ctx) {
        StringBuilder sb = new StringBuilder();
        for (JsonStreamContext c = ctx; c != null; c = c.getParent()) {
            if (c.getCurrentName() != null) {
                sb.append(c.getCurrentName()).append(' ');
            }
        }
        return sb.toString();
    }

    static String jsonPath(JsonStreamContext ctx) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                String name = c.getCurrentName();
                parts.push("." + (name.length() > 240 ? name.substring(name.length() - 240) : name));
            }
        }
        StringBuilder sb = new StringBuilder("$");
        parts.forEach(sb::append);
        return sb.toString();
    }

    private static final class RecordLocator implements Locator {
        JsonParser parser;
        boolean withPath;
        long recordIndex;

        @Override
        public Location locate(int offsetInSegment) {
            return Locations.record(withPath ? jsonPath(parser.getParsingContext()) : null, recordIndex);
        }
    }
}
