package dev.scangate.local.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scangate.local.samples.SampleFiles.Sample;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleFilesTest {

    /** Public test card numbers Macie never reports (aws-semantics.md 1.5). */
    private static final Set<String> TEST_CARDS = Set.of("4111111111111111", "5555555555554444", "378282246310005",
            "6011111111111117", "4012888888881881", "4242424242424242", "5105105105105100", "4000056655665556");
    private static final Pattern CARD = Pattern.compile("(?<!\\d)\\d{13,19}(?!\\d)");
    private static final Pattern SSN = Pattern.compile("(?<!\\d)(\\d{3})-(\\d{2})-(\\d{4})(?!\\d)");

    @TempDir
    Path dir;

    private String textOf(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(".pdf")) {
            try (PDDocument doc = Loader.loadPDF(file.toFile())) {
                return new PDFTextStripper().getText(doc);
            }
        }
        if (name.endsWith(".docx")) {
            try (InputStream in = Files.newInputStream(file);
                 XWPFDocument doc = new XWPFDocument(in);
                 XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
                return extractor.getText();
            }
        }
        return Files.readString(file);
    }

    @Test
    void write_whenDirectoryEmpty_writesReadmeAndEveryFormatCleanAndSensitive() {
        List<Path> written = SampleFiles.write(dir);

        assertThat(written).first().isEqualTo(dir.resolve("README.txt"));
        assertThat(written).hasSize(SampleFiles.catalog().size() + 1).allMatch(Files::isRegularFile);
        assertThat(SampleFiles.catalog().stream().filter(Sample::sensitive).map(Sample::format))
                .containsExactlyInAnyOrder("csv", "json", "txt", "pdf", "docx");
        assertThat(SampleFiles.catalog().stream().filter(s -> !s.sensitive()).map(Sample::format))
                .containsExactlyInAnyOrder("csv", "json", "txt", "pdf", "docx");
    }

    @Test
    void write_whenPdfAndDocx_theyOpenWithPdfBoxAndPoiAndHoldTheirText() throws IOException {
        SampleFiles.write(dir);

        assertThat(textOf(dir.resolve("sensitive/employee-record.pdf")))
                .contains("Social security number (SSN): 634-29-8175");
        assertThat(textOf(dir.resolve("sensitive/expense-claim.docx")))
                .contains("corporate credit card 4556738192046188");
        assertThat(textOf(dir.resolve("clean/annual-summary.pdf"))).contains("The warehouse team shipped 18,400 orders");
        assertThat(textOf(dir.resolve("clean/onboarding-guide.docx"))).contains("Welcome to the data platform team.");
    }

    @Test
    void write_whenSensitive_cardsAreLuhnValidAndNotTestNumbersNextToAKeyword() throws IOException {
        SampleFiles.write(dir);

        for (String path : List.of("sensitive/payments.json", "sensitive/expense-claim.docx")) {
            String text = textOf(dir.resolve(path));
            Matcher m = CARD.matcher(text);
            int found = 0;
            while (m.find()) {
                found++;
                assertThat(luhn(m.group())).as(m.group() + " in " + path).isTrue();
                assertThat(TEST_CARDS).doesNotContain(m.group());
                String before = text.substring(Math.max(0, m.start() - 30), m.start()).toLowerCase();
                assertThat(before.contains("card") || path.endsWith(".json")).as("keyword near " + m.group()).isTrue();
            }
            assertThat(found).as(path).isPositive();
        }
        assertThat(Files.readString(dir.resolve("sensitive/payments.json"))).contains("\"card\"");
    }

    @Test
    void write_whenSensitive_ssnsHaveAValidFormatUnderAnSsnKeyword() throws IOException {
        SampleFiles.write(dir);

        List<String> csv = Files.readAllLines(dir.resolve("sensitive/customers.csv"));
        assertThat(csv.get(0).split(",")).contains("ssn");
        int column = List.of(csv.get(0).split(",")).indexOf("ssn");
        for (String row : csv.subList(1, csv.size())) {
            assertThat(validSsn(row.split(",")[column])).as(row).isTrue();
        }
        Matcher pdf = SSN.matcher(textOf(dir.resolve("sensitive/employee-record.pdf")));
        assertThat(pdf.find()).isTrue();
        assertThat(validSsn(pdf.group())).isTrue();
    }

    @Test
    void write_whenSensitive_awsSecretKeyFollowsTheKeywordAndIsNotTheDocsExample() throws IOException {
        SampleFiles.write(dir);

        Matcher m = Pattern.compile("aws_secret_access_key=([A-Za-z0-9/+]+)\\n")
                .matcher(Files.readString(dir.resolve("sensitive/deploy-notes.txt")));
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).hasSize(40).doesNotContain("EXAMPLEKEY").isEqualTo(SampleFiles.demoSecretKey());
    }

    @Test
    void write_whenClean_noLongDigitRunsOrSensitiveKeywords() throws IOException {
        SampleFiles.write(dir);

        for (Sample s : SampleFiles.catalog().stream().filter(x -> !x.sensitive()).toList()) {
            String text = textOf(dir.resolve(s.path())).toLowerCase();
            assertThat(text).as(s.path()).doesNotContainPattern("\\d{9,}").doesNotContainPattern("\\d{3}-\\d{2}-\\d{4}")
                    .doesNotContain("ssn").doesNotContain("card").doesNotContain("secret");
        }
    }

    @Test
    void write_whenReadme_namesEveryFileAndHoldsNoSensitiveValue() throws IOException {
        SampleFiles.write(dir);

        String readme = Files.readString(dir.resolve("README.txt"));
        SampleFiles.catalog().forEach(s -> assertThat(readme).contains(s.path()));
        assertThat(readme).doesNotContainPattern("\\d{6,}").doesNotContainPattern("\\d{3}-\\d{2}-\\d{4}");
    }

    @Test
    void write_whenRunTwice_replacesItsOwnFilesAndKeepsOthers() throws IOException {
        SampleFiles.write(dir);
        Files.writeString(dir.resolve("clean/mine.txt"), "user file");
        Files.writeString(dir.resolve("clean/release-notes.txt"), "changed");

        SampleFiles.write(dir);

        assertThat(Files.readString(dir.resolve("clean/mine.txt"))).isEqualTo("user file");
        assertThat(Files.readString(dir.resolve("clean/release-notes.txt"))).startsWith("Release notes, version 4.2");
    }

    @Test
    void write_whenTargetIsAFile_failsNamingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "x");

        assertThatThrownBy(() -> SampleFiles.write(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot write the sample files: " + file + " is not a directory");
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    private static boolean validSsn(String ssn) {
        Matcher m = SSN.matcher(ssn);
        if (!m.matches()) {
            return false;
        }
        int area = Integer.parseInt(m.group(1));
        return area != 0 && area != 666 && area < 900 && !m.group(2).equals("00") && !m.group(3).equals("0000")
                && !Set.of("078-05-1120", "219-09-9999", "123-45-6789").contains(ssn);
    }
}
