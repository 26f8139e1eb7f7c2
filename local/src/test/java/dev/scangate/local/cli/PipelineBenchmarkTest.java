package dev.scangate.local.cli;

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

class PipelineBenchmarkTest {

    @Test
    void run_whenFewObjects_printsThroughputOfPipelineAndBaselineAndPeakHeap() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        // an odd size, so the generated bodies end inside a line of the clean text
        new PipelineBenchmark(3, 1000, new PrintStream(buffer, true, StandardCharsets.UTF_8)).run();

        List<JsonNode> lines = new ArrayList<>();
        for (String l : buffer.toString(StandardCharsets.UTF_8).lines().toList()) {
            lines.add(new ObjectMapper().readTree(l));
        }
        assertThat(lines).extracting(n -> n.path("benchmark").asText())
                .containsExactly("pipeline.baselineSequentialCopyDelete", "pipeline.cleanPath", "pipeline.speedup", "pipeline.peakHeapMb");
        for (JsonNode figure : lines.subList(0, 2)) {
            assertThat(figure.path("objects").asInt()).isEqualTo(3);
            assertThat(figure.path("sizeBytes").asLong()).isEqualTo(1000);
            assertThat(figure.path("objectsPerSecond").asDouble()).isPositive();
            assertThat(figure.has("megabytesPerSecond")).isTrue(); // 3 KB in all: may round to 0.00
            assertThat(figure.path("peakHeapMb").asDouble()).isPositive();
        }
        assertThat(lines.get(3).path("value").asDouble()).isPositive();
    }
}
