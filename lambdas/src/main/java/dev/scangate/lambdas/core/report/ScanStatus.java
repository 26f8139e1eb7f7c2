package dev.scangate.lambdas.core.report;

/**
 * Macie's result status for the object ({@code COMPLETE}, {@code PARTIAL}, {@code SKIPPED} and a
 * reason), or code null with a ScanGate reason when Macie gave none: {@code NO_DISCOVERY_RESULT},
 * {@code JOB_<STATUS>} when the job did not complete.
 */
public record ScanStatus(String code, String reason) {

    public static final String COMPLETE = "COMPLETE";

    public boolean complete() {
        return COMPLETE.equals(code);
    }
}
