package dev.scangate.local.macie.scanner.result;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.local.macie.scanner.InvalidScanRequestException;
import dev.scangate.local.macie.scanner.ScanResult;
import dev.scangate.local.macie.scanner.ScanSettings;
import dev.scangate.local.macie.scanner.ScanSettings.CustomIdentifier;
import dev.scangate.local.macie.scanner.ScanSettings.SeverityLevel;
import dev.scangate.local.macie.scanner.detect.DetectionSink;
import dev.scangate.local.macie.scanner.detect.Location;
import dev.scangate.local.macie.scanner.detect.Locator;
import dev.scangate.local.macie.scanner.identifiers.Category;
import dev.scangate.local.macie.scanner.identifiers.ManagedDataIdentifier;
import dev.scangate.local.macie.scanner.identifiers.ManagedDataIdentifiers;
import dev.scangate.local.macie.scanner.identifiers.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts detections per data type, keeps their first locations, drops allow-listed text, and builds
 * Macie's {@code classificationDetails.result} with the finding's type (§2.1) and severity (§2.5).
 */
public final class DetectionCollector implements DetectionSink {

    /** Macie's cap on occurrence locations per finding. */
    public static final int MAX_LOCATIONS = 15;
    /** NAME and ADDRESS stop counting after this many per file (macie-quotas). */
    static final int NAME_ADDRESS_CAP = 1000;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final List<CustomIdentifier> customIdentifiers;
    private final List<Pattern> allowPatterns = new ArrayList<>();
    private final Set<String> allowWords;
    private final Map<String, Tally> managed = new LinkedHashMap<>();
    private final Map<Integer, Tally> custom = new LinkedHashMap<>();

    private static final class Tally {
        long count;
        final List<Location> locations = new ArrayList<>(4);
    }

    public DetectionCollector(ScanSettings settings) {
        this.customIdentifiers = settings.customIdentifiers();
        java.util.HashSet<String> words = new java.util.HashSet<>();
        for (ScanSettings.AllowList a : settings.allowLists()) {
            if (a.regex() != null && !a.regex().isEmpty()) {
                try {
                    allowPatterns.add(Pattern.compile(a.regex()));
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw new InvalidScanRequestException("allow list '" + a.id() + "': invalid regex: "
                            + e.getDescription());
                }
            }
            a.words().forEach(w -> words.add(w.trim().toLowerCase(Locale.ROOT)));
        }
        this.allowWords = words;
    }

    @Override
    public void managed(String macieId, char[] b, int segFrom, int segTo, int start, int end, Locator locator) {
        if (allowed(b, segFrom, segTo, start, end)) {
            return;
        }
        Tally t = managed.computeIfAbsent(macieId, k -> new Tally());
        if (("NAME".equals(macieId) || "ADDRESS".equals(macieId)) && t.count >= NAME_ADDRESS_CAP) {
            return;
        }
        record(t, start - segFrom, locator);
    }

    @Override
    public void custom(int index, char[] b, int segFrom, int segTo, int start, int end, Locator locator) {
        if (allowed(b, segFrom, segTo, start, end)) {
            return;
        }
        record(custom.computeIfAbsent(index, k -> new Tally()), start - segFrom, locator);
    }

    private static void record(Tally t, int offset, Locator locator) {
        t.count++;
        if (t.locations.size() < MAX_LOCATIONS) {
            t.locations.add(locator.locate(offset));
        }
    }

    /** Allow lists: a word-list entry equal to the detected text, or a regex match covering it. */
    private boolean allowed(char[] b, int segFrom, int segTo, int start, int end) {
        if (!allowWords.isEmpty() && allowWords.contains(new String(b, start, end - start).trim()
                .toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (Pattern p : allowPatterns) {
            Matcher m = p.matcher(java.nio.CharBuffer.wrap(b, segFrom, segTo - segFrom));
            while (m.find()) {
                int ms = segFrom + m.start();
                int me = segFrom + m.end();
                if (ms <= start && me >= end) {
                    return true;
                }
                if (ms > start) {
                    break;
                }
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return managed.isEmpty() && custom.isEmpty();
    }

    /**
     * @param statusCode COMPLETE, PARTIAL or SKIPPED
     * @param reason Macie's reason code, null when COMPLETE
     */
    public ScanResult toResult(String statusCode, String reason, long sizeClassified, String mimeType) {
        ObjectNode result = JSON.objectNode();
        // Locations are shared across the finding: each detection keeps its first, then the rest fill up.
        int budget = MAX_LOCATIONS;
        List<Tally> all = new ArrayList<>(managed.values());
        all.addAll(custom.values());
        Map<Tally, Integer> allotted = new LinkedHashMap<>();
        for (Tally t : all) {
            int take = Math.min(1, Math.min(budget, t.locations.size()));
            allotted.put(t, take);
            budget -= take;
        }
        for (Tally t : all) {
            int extra = Math.min(budget, t.locations.size() - allotted.get(t));
            allotted.put(t, allotted.get(t) + extra);
            budget -= extra;
        }
        boolean additional = false;
        for (Tally t : all) {
            additional |= t.count > allotted.get(t);
        }
        result.put("additionalOccurrences", additional);

        Set<Category> categories = EnumSet.noneOf(Category.class);
        Severity severity = null;

        ObjectNode cdis = result.putObject("customDataIdentifiers");
        ArrayNode cdiDetections = cdis.putArray("detections");
        long cdiTotal = 0;
        for (Map.Entry<Integer, Tally> e : custom.entrySet()) {
            CustomIdentifier c = customIdentifiers.get(e.getKey());
            Tally t = e.getValue();
            ObjectNode d = cdiDetections.addObject();
            d.put("arn", c.id());
            d.put("count", t.count);
            d.put("name", c.name());
            d.set("occurrences", occurrences(t.locations.subList(0, allotted.get(t))));
            cdiTotal += t.count;
            Severity s = customSeverity(c, t.count);
            if (s != null) {
                categories.add(Category.CUSTOM_IDENTIFIER);
                severity = Severity.max(severity, s);
            }
        }
        cdis.put("totalCount", cdiTotal);
        result.put("mimeType", mimeType);

        ArrayNode sensitive = result.putArray("sensitiveData");
        Map<Category, List<Map.Entry<String, Tally>>> byCategory = new LinkedHashMap<>();
        for (Map.Entry<String, Tally> e : managed.entrySet()) {
            ManagedDataIdentifier id = ManagedDataIdentifiers.find(e.getKey()).orElseThrow();
            byCategory.computeIfAbsent(id.category(), k -> new ArrayList<>()).add(e);
            categories.add(id.category());
            severity = Severity.max(severity, id.severityRule().forCount(e.getValue().count));
        }
        List<Category> order = new ArrayList<>(byCategory.keySet());
        order.sort(Comparator.comparing(Enum::ordinal));
        for (Category cat : order) {
            ObjectNode item = sensitive.addObject();
            item.put("category", cat.name());
            ArrayNode detections = item.putArray("detections");
            long total = 0;
            for (Map.Entry<String, Tally> e : byCategory.get(cat)) {
                Tally t = e.getValue();
                ObjectNode d = detections.addObject();
                d.put("count", t.count);
                d.set("occurrences", occurrences(t.locations.subList(0, allotted.get(t))));
                d.put("type", e.getKey());
                total += t.count;
            }
            item.put("totalCount", total);
        }
        result.put("sizeClassified", sizeClassified);
        ObjectNode status = result.putObject("status");
        status.put("code", statusCode);
        if (reason == null) {
            status.putNull("reason");
        } else {
            status.put("reason", reason);
        }

        if (categories.isEmpty()) {
            return new ScanResult(result, null, null, 0);
        }
        String type = categories.size() == 1 ? categories.iterator().next().findingType()
                : "SensitiveData:S3Object/Multiple";
        return new ScanResult(result, type, severity.description(), severity.score());
    }

    /** CDI severity: the level whose threshold the count reaches; below the lowest threshold → none. */
    static Severity customSeverity(CustomIdentifier c, long count) {
        List<SeverityLevel> levels = c.severityLevels();
        if (levels.isEmpty()) {
            return count >= 1 ? Severity.MEDIUM : null;
        }
        Severity s = null;
        long best = Long.MIN_VALUE;
        for (SeverityLevel l : levels) {
            if (count >= l.occurrencesThreshold() && l.occurrencesThreshold() >= best) {
                best = l.occurrencesThreshold();
                s = Severity.valueOf(l.severity().toUpperCase(Locale.ROOT));
            }
        }
        return s;
    }

    private static ObjectNode occurrences(List<Location> locations) {
        ObjectNode o = JSON.objectNode();
        for (Location l : locations) {
            ArrayNode list = o.has(l.kind()) ? (ArrayNode) o.get(l.kind()) : o.putArray(l.kind());
            list.add(l.node());
        }
        return o;
    }
}
