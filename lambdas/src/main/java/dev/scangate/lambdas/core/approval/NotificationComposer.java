package dev.scangate.lambdas.core.approval;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the approver's message: what is held, how bad it is, until when, and the one link to
 * the review page. The link never carries the task token.
 */
public final class NotificationComposer {

    /** SNS email subjects: ASCII, no line breaks, under 100 characters. */
    static final int MAX_SUBJECT = 99;

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final List<String> SEVERITY_ORDER = List.of("HIGH", "MEDIUM", "LOW");

    private final String baseUrl;

    public NotificationComposer(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Notification compose(ApprovalRecord record, ApprovalLink link) {
        List<ApprovalObject> objects = record.objects();
        long flagged = objects.stream().filter(o -> "FLAGGED".equals(o.verdict())).count();
        long unscanned = objects.size() - flagged;
        String worst = worstSeverity(objects);

        String subject = "ScanGate: " + objects.size() + (objects.size() == 1 ? " object" : " objects")
                + " held for review" + (worst.isEmpty() ? "" : " (" + worst + ")") + " - run " + record.runId();
        subject = asciiLine(subject);
        if (subject.length() > MAX_SUBJECT) {
            subject = subject.substring(0, MAX_SUBJECT - 3) + "...";
        }

        StringBuilder body = new StringBuilder();
        body.append("ScanGate is holding ").append(objects.size())
                .append(objects.size() == 1 ? " object" : " objects")
                .append(" from run ").append(record.runId()).append(" until someone decides.\n\n");
        if (flagged > 0) {
            body.append("  ").append(flagged).append(" with sensitive data")
                    .append(worst.isEmpty() ? "" : " (worst severity: " + worst + ")").append('\n');
        }
        if (unscanned > 0) {
            body.append("  ").append(unscanned).append(" that could not be scanned\n");
        }
        String detected = topDetections(objects);
        if (!detected.isEmpty()) {
            body.append("  Found: ").append(detected).append('\n');
        }
        body.append("\nNothing from this run reaches the curated bucket without a decision.\n")
                .append("Review the objects and approve or deny them here (the link expires ")
                .append(WHEN.format(record.expiresAt())).append("):\n\n")
                .append(link.reviewUrl(baseUrl)).append("\n\n")
                .append("Opening the link decides nothing; you decide on the page.\n")
                .append("If nobody decides in time, the objects stay in manual review.\n");
        return new Notification(subject, body.toString());
    }

    private static String worstSeverity(List<ApprovalObject> objects) {
        return objects.stream()
                .map(ApprovalObject::severity)
                .filter(s -> s != null && SEVERITY_ORDER.contains(s.toUpperCase(Locale.ROOT)))
                .map(s -> s.toUpperCase(Locale.ROOT))
                .min(Comparator.comparingInt(SEVERITY_ORDER::indexOf))
                .map(s -> s.charAt(0) + s.substring(1).toLowerCase(Locale.ROOT))
                .orElse("");
    }

    private static String topDetections(List<ApprovalObject> objects) {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (ApprovalObject o : objects) {
            if (o.detections().isEmpty()) {
                o.findingTypes().forEach(t -> totals.merge(t, 1L, Long::sum));
            }
            o.detections().forEach(d -> totals.merge(d.type(), d.count(), Long::sum));
        }
        return totals.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(5)
                .map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    private static String asciiLine(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }
}
