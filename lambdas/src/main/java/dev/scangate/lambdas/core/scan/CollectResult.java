package dev.scangate.lambdas.core.scan;

import dev.scangate.lambdas.core.report.Counts;

/** CollectFindings' output. */
public record CollectResult(String reportKey, Counts counts) {
}
