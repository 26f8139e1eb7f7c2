package dev.scangate.lambdas.core.scan;

import dev.scangate.lambdas.core.StepInputException;

/** Exponential poll backoff: first, first×factor, first×factor², ... capped. */
public record Backoff(double firstSeconds, double factor, double capSeconds) {

    public Backoff {
        if (!(firstSeconds >= 1)) {
            throw new StepInputException("backoff.firstSeconds", "must be at least 1, got " + firstSeconds);
        }
        if (!(factor >= 1)) {
            throw new StepInputException("backoff.factor", "must be at least 1, got " + factor);
        }
        if (!(capSeconds >= firstSeconds)) {
            throw new StepInputException("backoff.capSeconds", "must be at least firstSeconds (" + firstSeconds + "), got " + capSeconds);
        }
    }

    /** Seconds to wait before poll number {@code attempt} (0 is the first wait). */
    public int waitBefore(int attempt) {
        double seconds = firstSeconds * Math.pow(factor, Math.max(0, attempt));
        return (int) Math.round(Math.min(capSeconds, seconds));
    }
}
