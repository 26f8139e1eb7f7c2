package dev.scangate.statemachine.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scangate.statemachine.bench.EngineBenchmark;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void run_whenSmall_printsOneJsonLinePerFigureWithBaselineAndHeap() {
        List<String> lines = EngineBenchmark.run(dir, 50, 100);

        assertThat(lines).hasSize(2);
        JsonNode loop = Json.parse(lines.get(0));
        JsonNode map = Json.parse(lines.get(1));
        assertThat(loop.get("benchmark").asText()).isEqualTo("engine.passChoiceLoop");
        assertThat(loop.get("transitions").asLong()).isEqualTo(103);
        assertThat(map.get("benchmark").asText()).isEqualTo("engine.inlineMap");
        assertThat(map.get("transitions").asLong()).isEqualTo(101);
        for (JsonNode line : List.of(loop, map)) {
            assertThat(line.get("transitionsPerSecond").asDouble()).isPositive();
            assertThat(line.get("baselineTransitionsPerSecond").asDouble()).isPositive();
            assertThat(line.get("peakHeapBytes").asLong()).isPositive();
        }
    }
}
