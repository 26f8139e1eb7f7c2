package dev.scangate.local.macie.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad content never escapes as an exception: every object ends COMPLETE, PARTIAL or SKIPPED. */
class RobustnessTest {

    @ParameterizedTest
    @ValueSource(strings = {"txt", "csv", "tsv", "json", "jsonl", "xml", "html", "yaml", "log", "pdf", "doc",
        "docx", "xls", "xlsx", "eml", "gz", "zip", "tar", "avro", "bin", ""})
    void scan_whenRandomBytes_endsWithAStatus(String ext) {
        Random rnd = new Random(ext.hashCode());
        for (int i = 0; i < 5; i++) {
            byte[] junk = new byte[rnd.nextInt(4096)];
            rnd.nextBytes(junk);
            ScanResult r = Scans.scan("junk." + ext, junk, ScanSettings.of(ScanSettings.ManagedSelector.ALL));
            assertThat(r.statusCode()).isIn("COMPLETE", "PARTIAL", "SKIPPED");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pdf", "xlsx", "zip", "gz", "tar"})
    void scan_whenValidFileIsTruncated_endsWithAStatus(String ext) throws IOException {
        byte[] text = "SSN: 123-45-6789\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        byte[] whole = switch (ext) {
            case "pdf" -> FileFormatsTest.pdf("SSN: 123-45-6789", "more");
            case "xlsx" -> workbook();
            case "zip" -> FileFormatsTest.zip("a.txt", text);
            case "gz" -> FileFormatsTest.gzip(text);
            default -> FileFormatsTest.tar("a.txt", text);
        };
        for (int cut : new int[] {whole.length / 3, whole.length / 2, whole.length - 10}) {
            ScanResult r = Scans.scan("t." + ext, Arrays.copyOf(whole, cut), ScanSettings.of(ScanSettings.ManagedSelector.ALL));
            assertThat(r.statusCode()).isIn("PARTIAL", "SKIPPED", "COMPLETE");
        }
    }

    @Test
    void scan_whenInterruptedWhileDocumentsMayBeParsedForTheFirstTime_laterScansStillParseThem() throws IOException {
        // A stopping runtime interrupts its scans; if that hits Tika's one-time setup, documents must
        // stay parseable afterwards (a failed static initialiser would break them for the whole JVM).
        byte[] pdf = FileFormatsTest.pdf("Quarterly report", "Employee SSN: 123-45-6789");
        Thread.currentThread().interrupt();
        try {
            ScanResult interrupted = Scans.scan("first.pdf", pdf, ScanSettings.of(ScanSettings.ManagedSelector.ALL));
            assertThat(interrupted.statusCode()).isIn("PARTIAL", "SKIPPED", "COMPLETE");
        } finally {
            Thread.interrupted();
        }

        ScanResult later = Scans.scan("later.pdf", pdf, ScanSettings.of(ScanSettings.ManagedSelector.ALL));

        assertThat(later.statusCode()).isEqualTo("COMPLETE");
        assertThat(Scans.counts(later)).containsKey("USA_SOCIAL_SECURITY_NUMBER");
    }

    private static byte[] workbook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("S").createRow(0).createCell(0).setCellValue("SSN 123-45-6789");
            wb.write(out);
        }
        return out.toByteArray();
    }
}
