package dev.scangate.local.macie.scanner.detect;

/** Receives what the detectors find in a segment {@code b[segFrom..segTo)}. */
public interface DetectionSink {

    /** A managed identifier matched {@code b[start..end)}. */
    void managed(String macieId, char[] b, int segFrom, int segTo, int start, int end, Locator locator);

    /** Custom identifier number {@code index} (in {@code ScanSettings.customIdentifiers()}) matched. */
    void custom(int index, char[] b, int segFrom, int segTo, int start, int end, Locator locator);
}
