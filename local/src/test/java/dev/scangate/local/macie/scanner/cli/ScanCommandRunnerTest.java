package dev.scangate.local.macie.scanner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scangate.local.macie.scanner.InvalidScanRequestException;
import dev.scangate.local.macie.scanner.SensitiveDataScanners;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandRunnerTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final ScanCommandRunner runner = new ScanCommandRunner(SensitiveDataScanners.create(),
            new PrintStream(buffer, true, StandardCharsets.UTF_8));

    @Test
    void run_whenJson_printsOneLinePerFileWithFindingOrNull() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "ssn 123-45-6789\n");
        Files.writeString(dir.resolve("b.txt"), "nothing\n");
        Files.write(dir.resolve("c.png"), new byte[] {1, 2, 3});

        int code = runner.run(List.of(dir), "ALL", true);

        List<String> lines = buffer.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode a = mapper.readTree(lines.get(0));
        assertThat(a.path("file").asText()).endsWith("a.txt");
        assertThat(a.path("status").path("code").asText()).isEqualTo("COMPLETE");
        JsonNode finding = a.path("finding");
        assertThat(finding.path("type").asText()).isEqualTo("SensitiveData:S3Object/Personal");
        assertThat(finding.path("severity").path("description").asText()).isEqualTo("High");
        assertThat(finding.path("id").asText()).matches("[0-9a-f]{32}");
        assertThat(finding.path("resourcesAffected").path("s3Object").path("key").asText()).endsWith("a.txt");
        assertThat(finding.path("resourcesAffected").path("s3Object").path("extension").asText()).isEqualTo("txt");
        assertThat(finding.path("resourcesAffected").path("s3Object").path("size").asLong()).isEqualTo(16);
        assertThat(finding.path("classificationDetails").path("result").path("sensitiveData").get(0)
                .path("detections").get(0).path("type").asText()).isEqualTo("USA_SOCIAL_SECURITY_NUMBER");
        assertThat(mapper.readTree(lines.get(1)).path("finding").isNull()).isTrue();
        assertThat(mapper.readTree(lines.get(2)).path("status").path("reason").asText())
                .isEqualTo("UNSUPPORTED_FILE_TYPE_EXCEPTION");
        assertThat(code).isEqualTo(ScanCommandRunner.FINDINGS);
    }

    @Test
    void run_whenReadable_printsTypesCountsAndPlaces() throws IOException {
        Path f = dir.resolve("people.csv");
        Files.writeString(f, "name,ssn\nx,123456789\n");

        int code = runner.run(List.of(f), "USA_SOCIAL_SECURITY_NUMBER", false);

        String out = buffer.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("SensitiveData:S3Object/Personal", "severity High", "USA_SOCIAL_SECURITY_NUMBER",
                "row 2 col 2 (ssn)", "1 file(s) scanned");
        assertThat(code).isEqualTo(ScanCommandRunner.FINDINGS);
    }

    @Test
    void run_whenNothingFound_returnsClean() throws IOException {
        Path f = dir.resolve("a.txt");
        Files.writeString(f, "John Smith\n");

        assertThat(runner.run(List.of(f), "RECOMMENDED", false)).isEqualTo(ScanCommandRunner.CLEAN);
    }

    @Test
    void run_whenBadInput_namesTheProblem() {
        assertThatThrownBy(() -> runner.run(List.of(dir.resolve("missing.txt")), "ALL", false))
                .isInstanceOf(InvalidScanRequestException.class).hasMessageContaining("missing.txt");
        assertThatThrownBy(() -> runner.run(List.of(dir), "NOPE_ID", false))
                .isInstanceOf(InvalidScanRequestException.class).hasMessageContaining("NOPE_ID");
    }
}
