package dev.scangate.local.macie.scanner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScannerBenchmarkTest {

    @Test
    void run_whenTinyCorpus_printsOneJsonLinePerFigure() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        new ScannerBenchmark(1 << 20, new PrintStream(buffer, true, StandardCharsets.UTF_8)).run();

        List<JsonNode> lines = new ArrayList<>();
        for (String l : buffer.toString(StandardCharsets.UTF_8).lines().toList()) {
            lines.add(new ObjectMapper().readTree(l));
        }
        assertThat(lines).extracting(n -> n.path("figure").asText())
                .containsExactly("scanner", "naiveRegexBaseline", "speedup", "peakHeapMb");
        assertThat(lines.get(0).path("bytes").asLong()).isGreaterThanOrEqualTo(1 << 20);
        assertThat(lines.get(0).path("objectsWithFindings").asLong()).isPositive();
        assertThat(lines.get(1).path("matches").asLong()).isPositive();
        assertThat(lines.get(0).path("mbPerSecond").asDouble()).isPositive();
    }
}
