package dev.scangate.lambdas.core.scan;

import dev.scangate.lambdas.core.report.Detection;
import dev.scangate.lambdas.core.report.Severity;
import java.util.List;

/** A Macie sensitive-data finding about one object, without the sensitive values. */
public record ObjectFinding(String id, String type, String bucket, String key, Severity severity,
                            List<Detection> detections) {

    public ObjectFinding {
        detections = List.copyOf(detections);
    }
}
