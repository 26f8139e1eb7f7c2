package dev.scangate.lambdas.core.decision;

/** ApplyDecision's output. */
public record DecisionResult(int approved, int denied) {
}
