package dev.scangate.lambdas.core.report;

import java.util.List;

/** One manifest object in the run report. */
public record ReportObject(String key, String stagedKey, String versionId, long sizeBytes, String eTag,
                           Verdict verdict, Severity severity, ScanStatus scanStatus, List<String> findingIds,
                           List<String> findingTypes, List<Detection> detections, Route route, Decision decision) {

    public ReportObject {
        findingIds = findingIds == null ? List.of() : List.copyOf(findingIds);
        findingTypes = findingTypes == null ? List.of() : List.copyOf(findingTypes);
        detections = detections == null ? List.of() : List.copyOf(detections);
    }

    public ReportObject withRoute(Route newRoute) {
        return new ReportObject(key, stagedKey, versionId, sizeBytes, eTag, verdict, severity, scanStatus,
                findingIds, findingTypes, detections, newRoute, decision);
    }

    public ReportObject withDecision(Route newRoute, Decision newDecision) {
        return new ReportObject(key, stagedKey, versionId, sizeBytes, eTag, verdict, severity, scanStatus,
                findingIds, findingTypes, detections, newRoute, newDecision);
    }
}
