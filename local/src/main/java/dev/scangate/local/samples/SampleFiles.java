package dev.scangate.local.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo's sample files: clean and sensitive CSV, JSON, text, PDF and Word files, plus a
 * README.txt saying which is which. Text formats are copied from resources; PDF and DOCX are
 * generated from resource text with PDFBox and POI (both come with Tika's parsers).
 *
 * <p>Sensitive values sit next to the keyword Macie's managed identifier needs (a column or field
 * name, or within 30 characters), and avoid the test numbers Macie ignores.
 */
public final class SampleFiles {

    /** The data a sensitive sample holds, by Macie managed data identifier id. */
    public static final String SSN = "USA_SOCIAL_SECURITY_NUMBER";
    public static final String CREDIT_CARD = "CREDIT_CARD_NUMBER";
    public static final String AWS_CREDENTIALS = "AWS_CREDENTIALS";

    private static final String RESOURCES = "/dev/scangate/local/samples/";
    private static final String SECRET_PLACEHOLDER = "{{AWS_SECRET_ACCESS_KEY}}";

    /**
     * One sample file.
     *
     * @param path relative path with '/' separators, also its S3 key when the directory is put
     * @param identifiers the managed data identifiers Macie reports for it; empty for clean files
     */
    public record Sample(String path, String format, boolean sensitive, List<String> identifiers, String description) {

        public Sample {
            identifiers = List.copyOf(identifiers);
        }
    }

    private static final List<Sample> CATALOG = List.of(
            new Sample("clean/quarterly-sales.csv", "csv", false, List.of(), "sales figures per region and quarter"),
            new Sample("clean/product-catalog.json", "json", false, List.of(), "a small product catalog"),
            new Sample("clean/release-notes.txt", "txt", false, List.of(), "release notes"),
            new Sample("clean/annual-summary.pdf", "pdf", false, List.of(), "a one-page yearly summary"),
            new Sample("clean/onboarding-guide.docx", "docx", false, List.of(), "an onboarding guide"),
            new Sample("sensitive/customers.csv", "csv", true, List.of(SSN), "SSNs in a column named ssn"),
            new Sample("sensitive/payments.json", "json", true, List.of(CREDIT_CARD), "card numbers under card.number"),
            new Sample("sensitive/deploy-notes.txt", "txt", true, List.of(AWS_CREDENTIALS),
                    "an AWS secret access key after aws_secret_access_key="),
            new Sample("sensitive/employee-record.pdf", "pdf", true, List.of(SSN), "an SSN after \"SSN:\""),
            new Sample("sensitive/expense-claim.docx", "docx", true, List.of(CREDIT_CARD),
                    "a card number after \"credit card\""));

    private SampleFiles() {
    }

    /** Every sample, clean ones first (README.txt not included). */
    public static List<Sample> catalog() {
        return CATALOG;
    }

    /** The README.txt's relative path in a written set. */
    public static String readmePath() {
        return "README.txt";
    }

    /**
     * Writes README.txt and every sample under {@code dir} (created when missing), replacing
     * earlier copies of these files and touching nothing else.
     *
     * @return the written files, README.txt first
     */
    public static List<Path> write(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Cannot write the sample files: " + dir + " is not a directory");
        }
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            written.add(writeBytes(dir.resolve(readmePath()), resource(readmePath())));
            for (Sample s : CATALOG) {
                Path target = dir.resolve(s.path());
                Files.createDirectories(target.getParent());
                switch (s.format()) {
                    case "pdf" -> written.add(generated(target, out -> Documents.pdf(lines(s), out)));
                    case "docx" -> written.add(generated(target, out -> Documents.docx(lines(s), out)));
                    default -> written.add(writeBytes(target, text(s.path()).getBytes(StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the sample files to " + dir + ": " + e.getMessage(), e);
        }
        return written;
    }

    /** The text a sample holds (for PDF and DOCX: the text inside the document). */
    public static String text(String samplePath) {
        boolean generated = samplePath.endsWith(".pdf") || samplePath.endsWith(".docx");
        String text = new String(resource(generated ? samplePath + ".txt" : samplePath), StandardCharsets.UTF_8);
        return text.replace(SECRET_PLACEHOLDER, demoSecretKey());
    }

    /**
     * A 40-character secret-access-key look-alike, made at run time so no key-shaped literal sits
     * in the repository for secret scanners to trip on. Fixed seed: the same bytes every time.
     */
    static String demoSecretKey() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+";
        Random random = new Random(20260323L);
        StringBuilder sb = new StringBuilder(40);
        for (int i = 0; i < 40; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static List<String> lines(Sample s) {
        return text(s.path()).lines().toList();
    }

    @FunctionalInterface
    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static Path generated(Path target, Writer writer) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            writer.write(out);
        }
        return target;
    }

    private static Path writeBytes(Path target, byte[] bytes) throws IOException {
        Files.write(target, bytes);
        return target;
    }

    private static byte[] resource(String relative) {
        try (InputStream in = SampleFiles.class.getResourceAsStream(RESOURCES + relative)) {
            if (in == null) {
                throw new IllegalStateException("missing sample resource " + RESOURCES + relative);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample resource " + relative, e);
        }
    }
}
