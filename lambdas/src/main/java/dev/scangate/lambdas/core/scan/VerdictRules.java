package dev.scangate.lambdas.core.scan;

import dev.scangate.lambdas.core.report.ScanStatus;
import dev.scangate.lambdas.core.report.Severity;
import dev.scangate.lambdas.core.report.Verdict;

/**
 * Fail closed: FLAGGED at or above the threshold; CLEAN only when Macie says it analysed the whole
 * object (a COMPLETE discovery result) or, in the documented relaxed mode, when it gave no result
 * at all; everything else is UNSCANNED.
 */
public record VerdictRules(Severity threshold, boolean requireDiscoveryResults) {

    public Verdict verdict(boolean jobComplete, Severity maxSeverity, ScanStatus status) {
        if (!jobComplete) {
            return Verdict.UNSCANNED;
        }
        if (maxSeverity != null && maxSeverity.atLeast(threshold)) {
            return Verdict.FLAGGED;
        }
        if (status.complete()) {
            return Verdict.CLEAN;
        }
        boolean noResult = status.code() == null;
        return noResult && !requireDiscoveryResults ? Verdict.CLEAN : Verdict.UNSCANNED;
    }
}
