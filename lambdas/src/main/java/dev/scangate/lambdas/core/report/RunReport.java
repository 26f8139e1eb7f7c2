package dev.scangate.lambdas.core.report;

import java.time.Instant;
import java.util.List;

/** The audit record of a run: {@code scan-stage/reports/<runId>.json}. */
public record RunReport(String runId, String jobId, String jobStatus, Severity severityThreshold,
                        Instant createdAt, Instant updatedAt, Counts counts, List<ReportObject> objects) {

    public RunReport {
        objects = List.copyOf(objects);
    }

    public RunReport withObjects(List<ReportObject> newObjects, Instant now) {
        return new RunReport(runId, jobId, jobStatus, severityThreshold, createdAt, now, counts, newObjects);
    }
}
