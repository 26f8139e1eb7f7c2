package dev.scangate.lambdas.core.events;

/** How a run ended, and the EventBridge detail-type announcing it. */
public enum Outcome {
    NOTHING_TO_SCAN("ScanGate Run Nothing To Scan"),
    ALL_CLEAN("ScanGate Run All Clean"),
    REVIEWED("ScanGate Run Reviewed"),
    APPROVAL_EXPIRED("ScanGate Approval Expired"),
    FAILED("ScanGate Run Failed");

    private final String detailType;

    Outcome(String detailType) {
        this.detailType = detailType;
    }

    public String detailType() {
        return detailType;
    }
}
