package dev.scangate.local.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatePathTest {

    @Test
    void render_whenPollLoopRepeats_foldsItIntoOneGroup() {
        List<String> states = List.of("StageObjects", "StartScan", "WaitForScan", "CheckScan", "ScanFinished",
                "WaitForScan", "CheckScan", "ScanFinished", "CollectFindings");

        assertThat(StatePath.render(states))
                .isEqualTo("StageObjects → StartScan → (WaitForScan → CheckScan → ScanFinished) ×2 → CollectFindings");
    }

    @Test
    void render_whenOneStateRepeats_countsIt() {
        assertThat(StatePath.render(List.of("StageObjects", "StageObjects", "StageObjects", "StagingDone")))
                .isEqualTo("StageObjects ×3 → StagingDone");
    }

    @Test
    void render_whenNoRepeats_joinsInOrder() {
        assertThat(StatePath.render(List.of("A", "B", "A"))).isEqualTo("A → B → A");
    }
}
