package dev.scangate.local.macie.scanner.format;

import dev.scangate.local.macie.scanner.ScannerLimits;
import dev.scangate.local.macie.scanner.detect.SegmentScanner;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Picks the reader for an object by its extension, enforces Macie's size and archive limits and
 * turns every failure into a result status with Macie's reason code: nothing here throws for bad
 * content. A file that fails before any text was analysed is SKIPPED; one that fails part-way, or an
 * archive with members that could not be analysed, is PARTIAL.
 */
public final class ContentScanner {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ContentScanner.class);

    private final SegmentScanner scanner;
    private final ScannerLimits limits;

    // Outcome of the object being scanned.
    private String partialReason;
    private long classifiedBytes;
    private long archiveBytes;
    private long archiveFiles;

    /** @param code COMPLETE, PARTIAL or SKIPPED; {@code reason} null when COMPLETE */
    public record Status(String code, String reason, long sizeClassified, String mimeType) { }

    public ContentScanner(SegmentScanner scanner, ScannerLimits limits) {
        this.scanner = scanner;
        this.limits = limits;
    }

    public Status scan(String key, long sizeBytes, InputStream content) {
        FileType type = FileType.of(key);
        String ext = FileType.extensionOf(key);
        String mime = type.mimeType(ext);
        if (type == FileType.UNSUPPORTED) {
            return new Status("SKIPPED", "UNSUPPORTED_FILE_TYPE_EXCEPTION", 0, mime);
        }
        if (sizeBytes > (long) (type.sizeLimit() * limits.sizeLimitScale())) {
            return new Status("SKIPPED", "FILE_EXCEEDS_SIZE_LIMIT", 0, mime);
        }
        try {
            boolean scanned = scanFile(key, type, content, 0);
            if (!scanned) {
                return new Status("SKIPPED", "UNSUPPORTED_FILE_TYPE_EXCEPTION", 0, mime);
            }
        } catch (MalformedContentException e) {
            return new Status(scanner.segments() > 0 ? "PARTIAL" : "SKIPPED", e.reason(), classifiedBytes, mime);
        } catch (IOException e) {
            // Truncated or damaged content (a cut-off gzip stream, a short tar): the file itself is bad.
            boolean archive = type == FileType.GZIP || type == FileType.ZIP || type == FileType.TAR;
            return new Status(scanner.segments() > 0 ? "PARTIAL" : "SKIPPED",
                    archive ? "MALFORMED_FILE" : "UNABLE_TO_PARSE_FILE", classifiedBytes, mime);
        } catch (RuntimeException e) {
            // Last line of defence: whatever goes wrong inside a parser, the object gets a status, never a crash.
            LOG.warn("could not analyse {}: {}", key, e.toString());
            return new Status(scanner.segments() > 0 ? "PARTIAL" : "SKIPPED", "UNABLE_TO_PARSE_FILE",
                    classifiedBytes, mime);
        }
        if (partialReason != null) {
            String code = scanner.segments() > 0 || classifiedBytes > 0 ? "PARTIAL" : "SKIPPED";
            return new Status(code, partialReason, classifiedBytes, mime);
        }
        return new Status("COMPLETE", null, classifiedBytes, mime);
    }

    /** @return false when the content is not something this scanner analyses */
    private boolean scanFile(String name, FileType type, InputStream raw, int depth) throws IOException {
        switch (type) {
            case GZIP -> {
                gzip(name, raw, depth);
                return true;
            }
            case ZIP -> {
                zip(raw, depth);
                return true;
            }
            case TAR -> {
                tar(raw, depth);
                return true;
            }
            case UNSUPPORTED -> {
                return false;
            }
            default -> { }
        }
        Counting in = new Counting(raw);
        try {
            switch (type) {
                case CSV -> DelimitedFormat.scan(reader(in), scanner, ',');
                case TSV -> DelimitedFormat.scan(reader(in), scanner, '\t');
                case JSON -> JsonFormat.scanJson(in, scanner, limits.jsonMaxNesting());
                case JSONL -> JsonFormat.scanJsonLines(reader(in), scanner, limits.jsonMaxNesting());
                case PDF -> DocumentFormat.scan(shield(in), name, true, scanner);
                case WORD -> DocumentFormat.scan(shield(in), name, false, scanner);
                case EMAIL -> DocumentFormat.scan(shield(in), name, false, true, scanner);
                case EXCEL -> SpreadsheetFormat.scan(shield(in), scanner);
                case UNKNOWN -> {
                    BufferedInputStream buffered = new BufferedInputStream(in, 8192);
                    if (!looksLikeText(buffered)) {
                        return false;
                    }
                    TextFormat.scan(reader(buffered), scanner);
                }
                default -> TextFormat.scan(reader(in), scanner);
            }
        } finally {
            classifiedBytes += in.count;
        }
        return true;
    }

    private static Reader reader(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** Text has no NUL bytes and few control characters in its first 8 KiB. */
    private static boolean looksLikeText(BufferedInputStream in) throws IOException {
        in.mark(8192);
        byte[] head = in.readNBytes(8192);
        in.reset();
        int control = 0;
        for (byte x : head) {
            if (x == 0) {
                return false;
            }
            if (x < 0x20 && x != '\n' && x != '\r' && x != '\t' && x != '\f') {
                control++;
            }
        }
        return control * 20 <= head.length;
    }

    // ---------------------------------------------------------------- archives

    private void gzip(String name, InputStream raw, int depth) throws IOException {
        GZIPInputStream gz;
        try {
            gz = new GZIPInputStream(raw, 1 << 16);
        } catch (ZipException | java.io.EOFException e) {
            throw new MalformedContentException("MALFORMED_FILE", "not a gzip stream", e);
        }
        String inner = name.substring(0, name.lastIndexOf('.'));
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".tgz")) {
            inner = inner + ".tar";
        }
        member(inner, gz, depth);
    }

    private void zip(InputStream raw, int depth) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 8192);
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (magic.length > 0 && !(magic.length == 4 && magic[0] == 'P' && magic[1] == 'K')) {
            throw new MalformedContentException("MALFORMED_FILE", "not a zip archive");
        }
        try (ZipInputStream zin = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = nextZipEntry(zin)) != null) {
                if (!e.isDirectory() && !member(e.getName(), zin, depth)) {
                    return;
                }
            }
        }
    }

    private ZipEntry nextZipEntry(ZipInputStream zin) throws IOException {
        try {
            return zin.getNextEntry();
        } catch (ZipException e) {
            throw new MalformedContentException(partialReason == null ? "MALFORMED_FILE" : partialReason,
                    "corrupt zip archive", e);
        }
    }

    private void tar(InputStream raw, int depth) throws IOException {
        try (TarArchiveInputStream tin = new TarArchiveInputStream(raw)) {
            TarArchiveEntry e;
            while ((e = nextTarEntry(tin)) != null) {
                if (e.isFile() && !member(e.getName(), tin, depth)) {
                    return;
                }
            }
        }
    }

    private static TarArchiveEntry nextTarEntry(TarArchiveInputStream tin) throws IOException {
        try {
            return tin.getNextEntry();
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedContentException("MALFORMED_FILE", "corrupt tar archive", e);
        }
    }

    /** Scans one extracted file; false when an archive-wide limit stops the extraction. */
    private boolean member(String name, InputStream in, int depth) throws IOException {
        archiveFiles++;
        if (archiveFiles > limits.archiveMaxFiles()) {
            partial("ARCHIVE_TOTAL_DOCUMENTS_PROCESSED_OVER_LIMIT");
            return false;
        }
        FileType type = FileType.of(name);
        boolean archive = type == FileType.GZIP || type == FileType.ZIP || type == FileType.TAR;
        if (archive && depth + 1 >= limits.archiveNestingLevels()) {
            partial("ARCHIVE_NESTING_LEVEL_OVER_LIMIT");
            return true;
        }
        Limited limited = new Limited(in);
        long segmentsBefore = scanner.segments();
        try {
            if (!scanFile(name, type, limited, depth + 1)) {
                partial("ARCHIVE_CONTAINS_UNPROCESSED_FILES");
            }
        } catch (TotalLimitReached e) {
            partial("ARCHIVE_TOTAL_BYTES_EXTRACTED_OVER_LIMIT");
            return false;
        } catch (FileLimitReached e) {
            partial("ARCHIVE_CONTAINS_UNPROCESSED_FILES");
        } catch (MalformedContentException e) {
            if (archive && scanner.segments() == segmentsBefore && e.reason().startsWith("ARCHIVE_")) {
                partial(e.reason());
            } else {
                partial("ARCHIVE_CONTAINS_UNPROCESSED_FILES");
            }
        }
        return true;
    }

    private void partial(String reason) {
        if (partialReason == null) {
            partialReason = reason;
        }
    }

    private static InputStream shield(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // Parsers close what they read; archive members must stay open for the next entry.
            }
        };
    }

    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count++;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public void close() {
            // The caller owns the underlying stream.
        }
    }

    private static final class TotalLimitReached extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TotalLimitReached() {
            super("archive total bytes limit", null, false, false);
        }
    }

    private static final class FileLimitReached extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FileLimitReached() {
            super("archive member bytes limit", null, false, false);
        }
    }

    /** Enforces the per-member and per-archive extraction limits while a member is read. */
    private final class Limited extends FilterInputStream {
        private long read;

        Limited(InputStream in) {
            super(in);
        }

        private void add(long n) {
            read += n;
            archiveBytes += n;
            if (archiveBytes > limits.archiveMaxTotalBytes()) {
                throw new TotalLimitReached();
            }
            if (read > limits.archiveMaxFileBytes()) {
                throw new FileLimitReached();
            }
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                add(1);
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public void close() {
            // The archive stream moves on to the next entry.
        }
    }
}
