package dev.scangate.local.macie.scanner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.local.macie.scanner.IdentifierSelection;
import dev.scangate.local.macie.scanner.InvalidScanRequestException;
import dev.scangate.local.macie.scanner.ScanResult;
import dev.scangate.local.macie.scanner.ScanSettings;
import dev.scangate.local.macie.scanner.SensitiveDataScanner;
import dev.scangate.local.macie.scanner.finding.SensitiveDataFinding;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code scangate scan <files or dirs> [--identifiers ...] [--json]} command without picocli:
 * scans local files (directories recursively, in path order) and prints, per file, either a readable
 * summary or one JSON line {@code {"file", "status": {"code", "reason"}, "finding": <GetFindings
 * shape or null>}}. In a finding the file is shown as object {@code key} (its path with '/') in the
 * pseudo-bucket {@value #BUCKET}.
 */
public final class ScanCommandRunner {

    /** Exit code: every file scanned, nothing found. */
    public static final int CLEAN = 0;
    /** Exit code: at least one finding. */
    public static final int FINDINGS = 1;
    /** Exit code: at least one file was skipped or only partly analysed, and nothing was found. */
    public static final int NOT_FULLY_SCANNED = 3;

    static final String BUCKET = "local-files";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SensitiveDataScanner scanner;
    private final PrintStream out;

    public ScanCommandRunner(SensitiveDataScanner scanner, PrintStream out) {
        this.scanner = scanner;
        this.out = out;
    }

    /**
     * @param identifiers {@code ALL}, {@code RECOMMENDED}, {@code NONE} or a comma list of ids
     * @return {@link #CLEAN}, {@link #FINDINGS} or {@link #NOT_FULLY_SCANNED}
     * @throws InvalidScanRequestException for an unknown identifier or a path that does not exist
     */
    public int run(List<Path> paths, String identifiers, boolean json) {
        ScanSettings settings = IdentifierSelection.parse(identifiers == null ? "ALL" : identifiers);
        List<Path> files = expand(paths);
        boolean found = false;
        boolean incomplete = false;
        for (Path file : files) {
            ScanResult r = scanFile(file, settings);
            found |= r.hasFinding();
            incomplete |= !"COMPLETE".equals(r.statusCode());
            if (json) {
                out.println(jsonLine(file, r));
            } else {
                printReadable(file, r);
            }
        }
        if (!json) {
            out.printf("%d file(s) scanned%n", files.size());
        }
        return found ? FINDINGS : incomplete ? NOT_FULLY_SCANNED : CLEAN;
    }

    private static List<Path> expand(List<Path> paths) {
        if (paths == null || paths.isEmpty()) {
            throw new InvalidScanRequestException("no file or directory to scan");
        }
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isRegularFile(p)) {
                files.add(p);
            } else if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + p, e);
                }
            } else {
                throw new InvalidScanRequestException("no such file or directory: " + p);
            }
        }
        return files;
    }

    private ScanResult scanFile(Path file, ScanSettings settings) {
        try (InputStream in = Files.newInputStream(file)) {
            return scanner.scan(key(file), Files.size(file), in, settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String key(Path file) {
        String k = file.normalize().toString().replace('\\', '/');
        while (k.startsWith("/")) {
            k = k.substring(1);
        }
        return k;
    }

    String jsonLine(Path file, ScanResult r) {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("file", file.toString());
        line.set("status", r.result().get("status"));
        if (r.hasFinding()) {
            line.set("finding", finding(file, r));
        } else {
            line.putNull("finding");
        }
        return line.toString();
    }

    private static ObjectNode finding(Path file, ScanResult r) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            String key = key(file);
            return SensitiveDataFinding.builder()
                    .id(md5(key + "|" + attrs.lastModifiedTime() + "|" + attrs.size()))
                    .bucket(BUCKET)
                    .key(key)
                    .size(attrs.size())
                    .lastModified(attrs.lastModifiedTime().toInstant())
                    .createdAt(Instant.now())
                    .result(r)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void printReadable(Path file, ScanResult r) {
        JsonNode status = r.result().get("status");
        String reason = status.path("reason").isNull() ? "" : " (" + status.path("reason").asText() + ")";
        if (!r.hasFinding()) {
            out.printf("%s: %s%s, nothing found%n", file, status.path("code").asText(), reason);
            return;
        }
        out.printf("%s: %s%s, %s, severity %s%n", file, status.path("code").asText(), reason, r.findingType(),
                r.severityDescription());
        for (JsonNode cat : r.result().path("sensitiveData")) {
            for (JsonNode d : cat.path("detections")) {
                out.printf("  %-45s %6d  %s%n", d.path("type").asText(), d.path("count").asLong(),
                        where(d.path("occurrences")));
            }
        }
        for (JsonNode d : r.result().path("customDataIdentifiers").path("detections")) {
            out.printf("  %-45s %6d  %s%n", "custom:" + d.path("name").asText(), d.path("count").asLong(),
                    where(d.path("occurrences")));
        }
    }

    /** The first location, readably: "line 3 col 10", "row 2 col 1 (ssn)", "$.a.b", "page 4". */
    private static String where(JsonNode occ) {
        if (occ.has("lineRanges")) {
            JsonNode l = occ.get("lineRanges").get(0);
            return "line " + l.path("start").asLong() + " col " + l.path("startColumn").asLong();
        }
        if (occ.has("cells")) {
            JsonNode c = occ.get("cells").get(0);
            String ref = c.path("cellReference").isNull() ? "" : c.path("cellReference").asText() + " ";
            return ref + "row " + c.path("row").asLong() + " col " + c.path("column").asLong()
                    + " (" + c.path("columnName").asText() + ")";
        }
        if (occ.has("records")) {
            JsonNode rec = occ.get("records").get(0);
            return "record " + rec.path("recordIndex").asLong() + " " + rec.path("jsonPath").asText("");
        }
        if (occ.has("pages")) {
            return "page " + occ.get("pages").get(0).path("pageNumber").asLong();
        }
        return "";
    }
}
