package dev.scangate.local.macie.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

class FileFormatsTest {

    private static final String SSN = "USA_SOCIAL_SECURITY_NUMBER";

    @Test
    void scan_whenText_locatesLineAndColumn() {
        ScanResult r = Scans.scanAll("notes.txt", "hello\r\nSSN: 123-45-6789\n");

        JsonNode range = Scans.firstOccurrences(r, SSN).path("lineRanges").get(0);
        assertThat(range.path("start").asLong()).isEqualTo(2);
        assertThat(range.path("end").asLong()).isEqualTo(2);
        assertThat(range.path("startColumn").asLong()).isEqualTo(6);
        assertThat(r.result().path("mimeType").asText()).isEqualTo("text/plain");
        assertThat(r.result().path("sizeClassified").asLong()).isEqualTo(24);
    }

    @Test
    void scan_whenLineIsLongerThanTheReadBuffer_keepsTrueColumns() {
        String text = "first\n" + "x ".repeat(1_500_000) + "SSN 123-45-6789\nlast SSN 234-56-7890\n";

        ScanResult r = Scans.scanAll("long.txt", text);

        JsonNode ranges = Scans.firstOccurrences(r, SSN).path("lineRanges");
        assertThat(ranges.get(0).path("start").asLong()).isEqualTo(2);
        assertThat(ranges.get(0).path("startColumn").asLong()).isEqualTo(3_000_005);
        assertThat(ranges.get(1).path("start").asLong()).isEqualTo(3);
        assertThat(ranges.get(1).path("startColumn").asLong()).isEqualTo(10);
    }

    @Test
    void scan_whenCsvColumnNameIsKeyword_reportsCellsOfThatColumn() {
        ScanResult r = Scans.scanAll("people.csv", "id,ssn,notes\n1,123456789,\"a, \"\"quoted\"\"\nnote\"\n2,234567890,x\n");

        assertThat(Scans.counts(r)).containsEntry(SSN, 2L);
        JsonNode cell = Scans.firstOccurrences(r, SSN).path("cells").get(0);
        assertThat(cell.path("cellReference").isNull()).isTrue();
        assertThat(cell.path("column").asLong()).isEqualTo(2);
        assertThat(cell.path("columnName").asText()).isEqualTo("ssn");
        assertThat(cell.path("row").asLong()).isEqualTo(2);
        JsonNode second = Scans.firstOccurrences(r, SSN).path("cells").get(1);
        assertThat(second.path("row").asLong()).isEqualTo(4);
        assertThat(r.result().path("mimeType").asText()).isEqualTo("text/csv");
    }

    @Test
    void scan_whenCsvValueHasNoKeyword_findsNothing() {
        ScanResult r = Scans.scanAll("orders.csv", "id,ref\n1,123456789\n");

        assertThat(Scans.counts(r)).doesNotContainKey(SSN);
    }

    @Test
    void scan_whenTsv_usesTabsAndColumnNames() {
        ScanResult r = Scans.scanAll("people.tsv", "name\tsocial security\n\"x\t123-45-6789\n");

        JsonNode cell = Scans.firstOccurrences(r, SSN).path("cells").get(0);
        assertThat(cell.path("column").asLong()).isEqualTo(2);
        assertThat(cell.path("columnName").asText()).isEqualTo("social security");
    }

    @Test
    void scan_whenJsonPathNameIsKeyword_reportsRecordWithPath() {
        ScanResult r = Scans.scanAll("c.json",
                "{\"customer\": {\"ssn\": \"123-45-6789\", \"cards\": [{\"n\": 1}, {\"ssn\": 234567890}]}}");

        JsonNode records = Scans.firstOccurrences(r, SSN).path("records");
        assertThat(records.get(0).path("jsonPath").asText()).isEqualTo("$.customer.ssn");
        assertThat(records.get(0).path("recordIndex").asLong()).isZero();
        assertThat(records.get(1).path("jsonPath").asText()).isEqualTo("$.customer.cards[1].ssn");
        assertThat(r.result().path("mimeType").asText()).isEqualTo("application/json");
    }

    @Test
    void scan_whenJsonLines_usesLineIndexAndFallsBackToTextForBadLines() {
        ScanResult r = Scans.scanAll("e.jsonl",
                "{\"a\": 1}\n\n{\"credentials\": {\"ssn\": \"123-45-6789\"}}\nnot json SSN 234-56-7890\n");

        JsonNode occ = Scans.firstOccurrences(r, SSN);
        assertThat(occ.path("records").get(0).path("recordIndex").asLong()).isEqualTo(1);
        assertThat(occ.path("records").get(0).path("jsonPath").asText()).isEqualTo("$.credentials.ssn");
        assertThat(occ.path("lineRanges").get(0).path("start").asLong()).isEqualTo(4);
        assertThat(r.statusCode()).isEqualTo("COMPLETE");
    }

    @Test
    void scan_whenJsonIsMalformed_isSkippedWithReason() {
        ScanResult r = Scans.scanAll("bad.json", "{\"a\" 1}");

        assertThat(r.statusCode()).isEqualTo("SKIPPED");
        assertThat(r.result().path("status").path("reason").asText()).isEqualTo("MALFORMED_FILE");
        assertThat(r.hasFinding()).isFalse();
    }

    @Test
    void scan_whenJsonBreaksAfterData_isPartialAndKeepsFindings() {
        ScanResult r = Scans.scanAll("bad.json", "{\"ssn\": \"123-45-6789\", \"x\": tru");

        assertThat(r.statusCode()).isEqualTo("PARTIAL");
        assertThat(Scans.counts(r)).containsKey(SSN);
    }

    @Test
    void scan_whenJsonNestsTooDeep_reportsNestingLimit() {
        ScanResult r = Scans.scanAll("deep.json", "[".repeat(300) + "]".repeat(300));

        assertThat(r.result().path("status").path("reason").asText()).isEqualTo("JSON_NESTING_LEVEL_OVER_LIMIT");
    }

    @Test
    void scan_whenPdf_locatesPage() throws IOException {
        ScanResult r = Scans.scan("doc.pdf", pdf("Quarterly report", "Employee SSN: 123-45-6789"),
                ScanSettings.of(ScanSettings.ManagedSelector.ALL));

        assertThat(r.statusCode()).isEqualTo("COMPLETE");
        assertThat(Scans.firstOccurrences(r, SSN).path("pages").get(0).path("pageNumber").asLong()).isEqualTo(2);
        assertThat(r.result().path("mimeType").asText()).isEqualTo("application/pdf");
    }

    @Test
    void scan_whenDocx_findsTextInParagraphs() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("Intro paragraph");
            doc.createParagraph().createRun().setText("SSN: 123-45-6789");
            doc.write(out);
        }
        ScanResult r = Scans.scan("letter.docx", out.toByteArray(), ScanSettings.of(ScanSettings.ManagedSelector.ALL));

        assertThat(Scans.firstOccurrences(r, SSN).path("lineRanges").get(0).path("startColumn").asLong())
                .isEqualTo(6);
    }

    @Test
    void scan_whenXlsx_locatesCellWithSheetReference() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("Summary").createRow(0).createCell(0).setCellValue("nothing");
            XSSFSheet s = wb.createSheet("People");
            s.createRow(0).createCell(0).setCellValue("Name");
            s.getRow(0).createCell(1).setCellValue("SSN");
            s.createRow(1).createCell(0).setCellValue("x");
            s.getRow(1).createCell(1).setCellValue("123456789");
            wb.write(out);
        }
        ScanResult r = Scans.scan("book.xlsx", out.toByteArray(), ScanSettings.of(ScanSettings.ManagedSelector.ALL));

        JsonNode cell = Scans.firstOccurrences(r, SSN).path("cells").get(0);
        assertThat(cell.path("cellReference").asText()).isEqualTo("People!B2");
        assertThat(cell.path("columnName").asText()).isEqualTo("SSN");
        assertThat(cell.path("column").asLong()).isEqualTo(2);
        assertThat(cell.path("row").asLong()).isEqualTo(2);
    }

    @Test
    void scan_whenEml_findsBodyAndAttachment() {
        String eml = "From: a@example.com\r\nTo: Jane Doe <b@example.com>\r\nSubject: hi\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\nContent-Type: text/plain\r\n\r\n"
                + "SSN: 123-45-6789\r\n--XX\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; "
                + "filename=a.txt\r\n\r\ncard number 4539 1488 0343 6467\r\n--XX--\r\n";
        ScanResult r = Scans.scanAll("mail.eml", eml);

        assertThat(Scans.counts(r)).containsKeys(SSN, "CREDIT_CARD_NUMBER", "NAME");
        assertThat(r.findingType()).isEqualTo("SensitiveData:S3Object/Multiple");
    }

    @Test
    void scan_whenGzipTarAndZip_scansMembers() throws IOException {
        byte[] text = "SSN: 123-45-6789\n".getBytes(StandardCharsets.UTF_8);
        assertThat(Scans.counts(Scans.scan("a.txt.gz", gzip(text), all()))).containsKey(SSN);
        assertThat(Scans.counts(Scans.scan("a.tar", tar("in/a.txt", text), all()))).containsKey(SSN);
        ScanResult nested = Scans.scan("a.zip", zip("inner.tar.gz", gzip(tar("x.csv", "ssn\n123456789\n"
                .getBytes(StandardCharsets.UTF_8)))), all());
        assertThat(nested.statusCode()).isEqualTo("COMPLETE");
        assertThat(Scans.firstOccurrences(nested, SSN).path("cells").get(0).path("columnName").asText())
                .isEqualTo("ssn");
        assertThat(nested.result().path("mimeType").asText()).isEqualTo("application/zip");
    }

    @Test
    void scan_whenArchiveHasUnsupportedMember_isPartial() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("a.txt"));
            z.write("SSN: 123-45-6789".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("b.png"));
            z.write(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        }
        ScanResult r = Scans.scan("mixed.zip", out.toByteArray(), all());

        assertThat(r.statusCode()).isEqualTo("PARTIAL");
        assertThat(r.result().path("status").path("reason").asText()).isEqualTo("ARCHIVE_CONTAINS_UNPROCESSED_FILES");
        assertThat(Scans.counts(r)).containsKey(SSN);
    }

    @Test
    void scan_whenArchiveNestsBeyondLimit_reportsNestingLimit() throws IOException {
        byte[] inner = zip("a.txt", "SSN: 123-45-6789".getBytes(StandardCharsets.UTF_8));
        byte[] deep = zip("l2.zip", zip("l1.zip", inner));
        SensitiveDataScanner scanner = SensitiveDataScanners.create(
                new ScannerLimits(2, 1000, 1 << 20, 1 << 20, 256, 1.0));

        ScanResult r = scanner.scan("deep.zip", deep.length, new java.io.ByteArrayInputStream(deep), all());

        assertThat(r.result().path("status").path("reason").asText()).isEqualTo("ARCHIVE_NESTING_LEVEL_OVER_LIMIT");
    }

    @Test
    void scan_whenArchiveExtractsTooMuch_stopsWithTotalBytesLimit() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("a.txt"));
            z.write("SSN: 123-45-6789".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("b.txt"));
            z.write("x".repeat(5000).getBytes(StandardCharsets.UTF_8));
        }
        SensitiveDataScanner scanner = SensitiveDataScanners.create(
                new ScannerLimits(10, 1000, 4000, 1 << 20, 256, 1.0));

        ScanResult r = scanner.scan("big.zip", 100, new java.io.ByteArrayInputStream(out.toByteArray()), all());

        assertThat(r.statusCode()).isEqualTo("PARTIAL");
        assertThat(r.result().path("status").path("reason").asText())
                .isEqualTo("ARCHIVE_TOTAL_BYTES_EXTRACTED_OVER_LIMIT");
        assertThat(Scans.counts(r)).containsKey(SSN);
    }

    @Test
    void scan_whenCorruptOrUnsupported_isSkippedWithMacieReason() {
        byte[] garbage = new byte[] {1, 2, 3, 0, 5, 6, 7, 8, 9, 0, 1, 2};
        assertThat(reason(Scans.scan("bad.pdf", garbage, all()))).isEqualTo("SKIPPED/UNABLE_TO_PARSE_FILE");
        assertThat(reason(Scans.scan("bad.docx", garbage, all()))).isEqualTo("SKIPPED/UNABLE_TO_PARSE_FILE");
        assertThat(reason(Scans.scan("bad.xlsx", garbage, all()))).isEqualTo("SKIPPED/UNABLE_TO_PARSE_FILE");
        assertThat(reason(Scans.scan("bad.zip", garbage, all()))).isEqualTo("SKIPPED/MALFORMED_FILE");
        assertThat(reason(Scans.scan("bad.gz", garbage, all()))).isEqualTo("SKIPPED/MALFORMED_FILE");
        assertThat(reason(Scans.scan("photo.png", garbage, all()))).isEqualTo("SKIPPED/UNSUPPORTED_FILE_TYPE_EXCEPTION");
        assertThat(reason(Scans.scan("blob", garbage, all()))).isEqualTo("SKIPPED/UNSUPPORTED_FILE_TYPE_EXCEPTION");
        assertThat(reason(Scans.scan("data.parquet", garbage, all())))
                .isEqualTo("SKIPPED/UNSUPPORTED_FILE_TYPE_EXCEPTION");
    }

    @Test
    void scan_whenFileExceedsTypeLimit_isSkippedUnread() {
        SensitiveDataScanner scanner = SensitiveDataScanners.create(
                new ScannerLimits(10, 1000, 1 << 20, 1 << 20, 256, 1e-9));

        ScanResult r = scanner.scan("huge.pdf", 10_000, new java.io.ByteArrayInputStream(new byte[0]), all());

        assertThat(reason(r)).isEqualTo("SKIPPED/FILE_EXCEEDS_SIZE_LIMIT");
        assertThat(r.result().path("sizeClassified").asLong()).isZero();
    }

    @Test
    void scan_whenUnknownExtensionHoldsText_scansIt() {
        ScanResult r = Scans.scanAll("README", "SSN: 123-45-6789");

        assertThat(r.statusCode()).isEqualTo("COMPLETE");
        assertThat(Scans.counts(r)).containsKey(SSN);
    }

    private static String reason(ScanResult r) {
        return r.statusCode() + "/" + r.result().path("status").path("reason").asText();
    }

    private static ScanSettings all() {
        return ScanSettings.of(ScanSettings.ManagedSelector.ALL);
    }

    static byte[] pdf(String... pages) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            for (String text : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    cs.newLineAtOffset(72, 700);
                    cs.showText(text);
                    cs.endText();
                }
            }
            doc.save(out);
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static byte[] zip(String name, byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(name));
            z.write(data);
        }
        return out.toByteArray();
    }

    static byte[] tar(String name, byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
            TarArchiveEntry e = new TarArchiveEntry(name);
            e.setSize(data.length);
            t.putArchiveEntry(e);
            t.write(data);
            t.closeArchiveEntry();
        }
        return out.toByteArray();
    }
}
