package dev.scangate.lambdas.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scangate.lambdas.core.report.ScanStatus;
import dev.scangate.lambdas.core.report.Severity;
import dev.scangate.lambdas.core.report.Verdict;
import org.junit.jupiter.api.Test;

class VerdictRulesTest {

    static final ScanStatus COMPLETE = new ScanStatus("COMPLETE", null);
    static final ScanStatus SKIPPED = new ScanStatus("SKIPPED", "FILE_EXCEEDS_SIZE_LIMIT");
    static final ScanStatus NONE = new ScanStatus(null, "NO_DISCOVERY_RESULT");

    final VerdictRules strict = new VerdictRules(Severity.MEDIUM, true);
    final VerdictRules relaxed = new VerdictRules(Severity.MEDIUM, false);

    @Test
    void verdict_whenFindingAtOrAboveThreshold_isFlagged() {
        assertThat(strict.verdict(true, Severity.MEDIUM, COMPLETE)).isEqualTo(Verdict.FLAGGED);
        assertThat(strict.verdict(true, Severity.HIGH, SKIPPED)).isEqualTo(Verdict.FLAGGED);
    }

    @Test
    void verdict_whenOnlyBelowThresholdAndComplete_isClean() {
        assertThat(strict.verdict(true, Severity.LOW, COMPLETE)).isEqualTo(Verdict.CLEAN);
        assertThat(strict.verdict(true, null, COMPLETE)).isEqualTo(Verdict.CLEAN);
    }

    @Test
    void verdict_whenNotFullyAnalysed_isUnscanned() {
        assertThat(strict.verdict(true, null, SKIPPED)).isEqualTo(Verdict.UNSCANNED);
        assertThat(strict.verdict(true, null, new ScanStatus("PARTIAL", "ARCHIVE_CONTAINS_UNPROCESSED_FILES")))
                .isEqualTo(Verdict.UNSCANNED);
        assertThat(strict.verdict(true, null, NONE)).isEqualTo(Verdict.UNSCANNED);
        assertThat(relaxed.verdict(true, null, SKIPPED)).isEqualTo(Verdict.UNSCANNED);
    }

    @Test
    void verdict_whenRelaxedAndNoResultAtAll_isClean() {
        assertThat(relaxed.verdict(true, null, NONE)).isEqualTo(Verdict.CLEAN);
    }

    @Test
    void verdict_whenJobDidNotComplete_isUnscannedWhateverWasFound() {
        assertThat(strict.verdict(false, null, COMPLETE)).isEqualTo(Verdict.UNSCANNED);
        assertThat(relaxed.verdict(false, Severity.HIGH, NONE)).isEqualTo(Verdict.UNSCANNED);
    }
}
