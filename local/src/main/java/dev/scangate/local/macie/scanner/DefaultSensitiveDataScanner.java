package dev.scangate.local.macie.scanner;

import dev.scangate.local.macie.scanner.detect.CustomIdentifierMatcher;
import dev.scangate.local.macie.scanner.detect.SegmentScanner;
import dev.scangate.local.macie.scanner.detect.TextDetector;
import dev.scangate.local.macie.scanner.format.ContentScanner;
import dev.scangate.local.macie.scanner.result.DetectionCollector;
import java.io.InputStream;
import java.util.Set;

/** The scanner: per object, one collector, one detector pass per text segment, one result. Thread-safe. */
final class DefaultSensitiveDataScanner implements SensitiveDataScanner {

    private final ScannerLimits limits;

    DefaultSensitiveDataScanner(ScannerLimits limits) {
        this.limits = limits;
    }

    @Override
    public ScanResult scan(String objectKey, long sizeBytes, InputStream content, ScanSettings settings) {
        Set<String> enabled = IdentifierSelection.resolve(settings);
        DetectionCollector collector = new DetectionCollector(settings);
        TextDetector detector = new TextDetector(enabled, collector);
        CustomIdentifierMatcher custom = new CustomIdentifierMatcher(settings.customIdentifiers());
        SegmentScanner segments = new SegmentScanner(detector, custom, collector);
        ContentScanner.Status status = new ContentScanner(segments, limits).scan(objectKey, sizeBytes, content);
        return collector.toResult(status.code(), status.reason(), status.sizeClassified(), status.mimeType());
    }
}
