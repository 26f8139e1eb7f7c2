package dev.scangate.local.macie.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.local.macie.scanner.ScanResult;
import dev.scangate.local.macie.scanner.ScanSettings;
import dev.scangate.local.macie.scanner.SensitiveDataScanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A stand-in for the real scanner: every line containing {@code SECRET} is one AWS_CREDENTIALS
 * occurrence (unless an allow list matches the line); custom identifiers count regex matches;
 * {@code .bin} objects are unsupported.
 */
final class MarkerScanner implements SensitiveDataScanner {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public ScanResult scan(String objectKey, long sizeBytes, InputStream content, ScanSettings settings) {
        var result = MAPPER.createObjectNode();
        result.put("additionalOccurrences", false);
        var custom = result.putObject("customDataIdentifiers");
        var customDetections = custom.putArray("detections");
        var sensitive = result.putArray("sensitiveData");
        var status = result.putObject("status");
        if (objectKey.endsWith(".bin")) {
            custom.put("totalCount", 0);
            result.putNull("mimeType");
            result.put("sizeClassified", 0);
            status.put("code", "SKIPPED").put("reason", "UNSUPPORTED_FILE_TYPE_EXCEPTION");
            return new ScanResult(result, null, null, 0);
        }
        String text;
        try {
            text = new String(content.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        result.put("mimeType", "text/plain");
        result.put("sizeClassified", sizeBytes);
        status.put("code", "COMPLETE").putNull("reason");
        var lines = text.split("\n", -1);
        var ranges = MAPPER.createArrayNode();
        int secrets = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("SECRET") && !allowed(lines[i], settings)) {
                secrets++;
                if (ranges.size() < 15) {
                    ranges.addObject().put("start", i + 1).put("end", i + 1).put("startColumn", lines[i].indexOf("SECRET") + 1);
                }
            }
        }
        boolean managedOn = settings.selector() != ScanSettings.ManagedSelector.NONE;
        if (managedOn && secrets > 0) {
            var category = sensitive.addObject();
            category.put("category", "CREDENTIALS");
            var detection = category.putArray("detections").addObject();
            detection.put("type", "AWS_CREDENTIALS").put("count", secrets);
            detection.putObject("occurrences").set("lineRanges", ranges);
            category.put("totalCount", secrets);
        }
        long customTotal = 0;
        for (var identifier : settings.customIdentifiers()) {
            var matcher = Pattern.compile(identifier.regex()).matcher(text);
            long count = 0;
            while (matcher.find()) {
                count++;
            }
            if (count > 0) {
                customTotal += count;
                ObjectNode detection = customDetections.addObject();
                detection.put("arn", identifier.id()).put("name", identifier.name()).put("count", count);
            }
        }
        custom.put("totalCount", customTotal);
        if (managedOn && secrets > 0) {
            return new ScanResult(result, customTotal > 0 ? "SensitiveData:S3Object/Multiple"
                    : "SensitiveData:S3Object/Credentials", "High", 3);
        }
        if (customTotal > 0) {
            return new ScanResult(result, "SensitiveData:S3Object/CustomIdentifier", "Medium", 2);
        }
        return new ScanResult(result, null, null, 0);
    }

    private static boolean allowed(String line, ScanSettings settings) {
        for (var list : settings.allowLists()) {
            if (list.regex() != null && Pattern.compile(list.regex()).matcher(line).find()) {
                return true;
            }
            if (list.words().stream().anyMatch(line::contains)) {
                return true;
            }
        }
        return false;
    }
}
