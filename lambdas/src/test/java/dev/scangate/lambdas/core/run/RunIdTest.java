package dev.scangate.lambdas.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scangate.lambdas.core.StepInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunIdTest {

    @Test
    void resolve_whenInputHasId_usesIt() {
        assertThat(RunId.resolve("3f1c0d2e-aaaa-bbbb-cccc-0123456789ab", "exec").value())
                .isEqualTo("3f1c0d2e-aaaa-bbbb-cccc-0123456789ab");
    }

    @Test
    void resolve_whenInputHasNoId_usesTheExecutionName() {
        assertThat(RunId.resolve(null, "manual-run_1.2").value()).isEqualTo("manual-run_1.2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", "a/b", "a b", "ü", "0123456789012345678901234567890123456789012345678901234567890123456789012345678901"})
    void resolve_whenIdInvalid_namesId(String id) {
        assertThatThrownBy(() -> RunId.resolve(id, "exec")).isInstanceOf(StepInputException.class)
                .extracting(e -> ((StepInputException) e).field()).isEqualTo("id");
    }

    @Test
    void resolve_whenIdNotAString_namesId() {
        assertThatThrownBy(() -> RunId.resolve(42, "exec")).isInstanceOf(StepInputException.class)
                .hasMessageStartingWith("id:");
    }

    @Test
    void keys_whenDerived_areUnderTheRunsOwnPrefixes() {
        var runId = RunId.of("r-1");
        assertThat(runId.stagedKey("a/b c.txt")).isEqualTo("runs/r-1/a/b c.txt");
        assertThat(runId.manifestKey()).isEqualTo("manifests/r-1.json");
        assertThat(runId.reportKey()).isEqualTo("reports/r-1.json");
    }
}
