package dev.scangate.lambdas.core.approval;

import java.util.List;
import java.util.Objects;

/**
 * A held object as the approver sees it. {@code key} is the producer's original raw key, the key
 * decisions are made on. {@code severity} is null for objects that could not be scanned.
 */
public record ApprovalObject(
        String key,
        long sizeBytes,
        String verdict,
        String severity,
        List<String> findingTypes,
        List<Detection> detections) {

    public ApprovalObject {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(verdict, "verdict");
        findingTypes = findingTypes == null ? List.of() : List.copyOf(findingTypes);
        detections = detections == null ? List.of() : List.copyOf(detections);
    }
}
