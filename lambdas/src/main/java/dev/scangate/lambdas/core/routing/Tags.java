package dev.scangate.lambdas.core.routing;

import java.util.Map;

/** The tags ScanGate adds to the producer's tags (never replacing the others). */
public final class Tags {

    public static final String SENSITIVE_DATA_FOUND = "SensitiveDataFound";
    public static final String RUN = "ScanGateRun";

    private Tags() {
    }

    public static Map<String, String> of(boolean sensitiveDataFound, String runId) {
        return Map.of(SENSITIVE_DATA_FOUND, String.valueOf(sensitiveDataFound), RUN, runId);
    }
}
