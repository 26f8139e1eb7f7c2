package dev.scangate.local.macie.scanner;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test helper: scan a string or bytes and read detection counts by type. */
final class Scans {

    static final SensitiveDataScanner SCANNER = SensitiveDataScanners.create();

    private Scans() { }

    static ScanResult scan(String key, String text, ScanSettings settings) {
        return scan(key, text.getBytes(StandardCharsets.UTF_8), settings);
    }

    static ScanResult scan(String key, byte[] bytes, ScanSettings settings) {
        return SCANNER.scan(key, bytes.length, new ByteArrayInputStream(bytes), settings);
    }

    static ScanResult scanAll(String key, String text) {
        return scan(key, text, ScanSettings.of(ScanSettings.ManagedSelector.ALL));
    }

    /** type → count over sensitiveData and custom identifiers (by name). */
    static Map<String, Long> counts(ScanResult r) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (JsonNode cat : r.result().path("sensitiveData")) {
            for (JsonNode d : cat.path("detections")) {
                m.put(d.path("type").asText(), d.path("count").asLong());
            }
        }
        for (JsonNode d : r.result().path("customDataIdentifiers").path("detections")) {
            m.put(d.path("name").asText(), d.path("count").asLong());
        }
        return m;
    }

    static JsonNode firstOccurrences(ScanResult r, String type) {
        for (JsonNode cat : r.result().path("sensitiveData")) {
            for (JsonNode d : cat.path("detections")) {
                if (d.path("type").asText().equals(type)) {
                    return d.path("occurrences");
                }
            }
        }
        throw new AssertionError("no detection of " + type + " in " + r.result());
    }
}
