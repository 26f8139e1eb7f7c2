package dev.scangate.local.macie.scanner.format;

import dev.scangate.local.macie.scanner.detect.Location;
import dev.scangate.local.macie.scanner.detect.Locator;
import dev.scangate.local.macie.scanner.detect.SegmentContext;
import dev.scangate.local.macie.scanner.detect.SegmentScanner;
import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * PDF, Word and e-mail through Tika. Tika's XHTML events are turned into lines as they arrive (no
 * whole-document string): PDF lines are located by page ({@code <div class="page">}), other
 * documents by line number of the extracted text. E-mail attachments are parsed as embedded
 * documents and scanned too.
 */
final class DocumentFormat {

    /**
     * Built on first use, not in a static initialiser: Tika reads its registry with interruptible
     * waits, so a scan interrupted then (a runtime stopping) fails, and a failed class initialiser
     * would leave documents unparseable for the rest of the JVM. Here the next scan simply retries.
     */
    private static volatile AutoDetectParser parser;

    private static AutoDetectParser parser() {
        var built = parser;
        if (built == null) {
            synchronized (DocumentFormat.class) {
                built = parser;
                if (built == null) {
                    built = new AutoDetectParser();
                    parser = built;
                }
            }
        }
        return built;
    }

    private DocumentFormat() { }

    /** Header fields of an e-mail that carry people's names and addresses (Tika keeps them as metadata). */
    private static final String[] EMAIL_HEADERS = {"Message-From", "Message-To", "Message-Cc", "Message-Bcc",
        "dc:title"};

    static void scan(InputStream in, String name, boolean pages, SegmentScanner scanner) throws IOException {
        scan(in, name, pages, false, scanner);
    }

    /** @param emailHeaders also scan From/To/Cc/Subject, located on line 1 (the header block) */
    static void scan(InputStream in, String name, boolean pages, boolean emailHeaders, SegmentScanner scanner)
            throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        ParseContext context = new ParseContext();
        AutoDetectParser autoDetect = parser();
        context.set(Parser.class, autoDetect);
        LineHandler handler = new LineHandler(scanner, pages);
        try {
            autoDetect.parse(in, handler, metadata, context);
            handler.flush();
            if (emailHeaders) {
                scanHeaders(metadata, scanner);
            }
        } catch (EncryptedDocumentException e) {
            throw new MalformedContentException("UNABLE_TO_PARSE_FILE", "the document is password-protected", e);
        } catch (TikaException | SAXException | RuntimeException e) {
            throw new MalformedContentException("UNABLE_TO_PARSE_FILE", "cannot parse " + name + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private static void scanHeaders(Metadata metadata, SegmentScanner scanner) {
        for (String header : EMAIL_HEADERS) {
            for (String value : metadata.getValues(header)) {
                char[] chars = value.toCharArray();
                scanner.scan(chars, 0, chars.length, dev.scangate.local.macie.scanner.detect.SegmentContext.NONE,
                        offset -> Locations.line(1, 1));
            }
        }
    }

    private static final class LineHandler extends DefaultHandler implements Locator {
        private static final int MAX_LINE = 1 << 16;
        private final SegmentScanner scanner;
        private final boolean pages;
        private final StringBuilder text = new StringBuilder();
        private char[] buf = new char[1024];
        private long line;
        private long page;

        LineHandler(SegmentScanner scanner, boolean pages) {
            this.scanner = scanner;
            this.pages = pages;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            if ("div".equals(localName) && "page".equals(atts.getValue("class"))) {
                flush();
                page++;
            } else if (isBlock(localName)) {
                flush();
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (isBlock(localName) || "div".equals(localName)) {
                flush();
            } else if ("td".equals(localName) || "th".equals(localName)) {
                text.append('\t');
            }
        }

        private static boolean isBlock(String n) {
            return switch (n) {
                case "p", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "title", "pre", "table" -> true;
                default -> false;
            };
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            for (int i = start; i < start + length; i++) {
                char c = ch[i];
                if (c == '\n') {
                    flush();
                } else if (c != '\r') {
                    text.append(c);
                    if (text.length() >= MAX_LINE) {
                        flush();
                    }
                }
            }
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) {
            characters(ch, start, length);
        }

        void flush() {
            if (text.length() == 0) {
                return;
            }
            line++;
            int n = text.length();
            if (buf.length < n) {
                buf = new char[Math.max(n, buf.length * 2)];
            }
            text.getChars(0, n, buf, 0);
            text.setLength(0);
            scanner.scan(buf, 0, n, SegmentContext.NONE, this);
        }

        @Override
        public Location locate(int offsetInSegment) {
            return pages ? Locations.page(Math.max(1, page)) : Locations.line(line, offsetInSegment + 1L);
        }
    }
}
